import { Card, Descriptions, Result } from 'antd';
import { Link } from 'react-router';
import { dataScopeLabels } from '../modules/identity/labels';
import { useSessionUser } from './auth';
import { visibleMenu } from './menu';

/** The landing page: who is signed in, and where they can go. */
export function Home() {
  const user = useSessionUser();
  const entries = visibleMenu(user.permissions).flatMap((g) => g.entries);
  return (
    <Card title={`欢迎，${user.displayName}`}>
      <Descriptions
        column={1}
        items={[
          { key: 'org', label: '所属机构', children: user.orgName },
          { key: 'username', label: '用户名', children: user.username },
          { key: 'scope', label: '数据范围', children: dataScopeLabels[user.dataScope] },
        ]}
      />
      {entries.length > 0 ? (
        <div style={{ marginTop: 16, display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          {entries.map((e) => (
            <Link key={e.path} to={e.path}>
              <Card hoverable size="small" style={{ width: 160, textAlign: 'center' }}>
                {e.icon} {e.label}
              </Card>
            </Link>
          ))}
        </div>
      ) : (
        <Result status="info" title="暂无可用的管理功能" subTitle="如需使用，请联系系统管理员分配角色。" />
      )}
    </Card>
  );
}
