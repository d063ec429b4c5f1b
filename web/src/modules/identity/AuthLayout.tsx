import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centered card the login and forced password pages share, outside the shell. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #1f4e9c 0%, #15386f 55%, #0d2447 100%)',
        padding: 16,
      }}
    >
      <div style={{ width: 400 }}>
        <Typography.Title level={2} style={{ color: '#fff', textAlign: 'center', marginBottom: 4 }}>
          天平
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', textAlign: 'center', marginBottom: 24 }}>
          司法行政数据资源平台
        </Typography.Paragraph>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
