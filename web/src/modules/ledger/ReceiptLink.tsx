import { DownloadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { buildUrl } from '../../api/client';

/**
 * 存证凭证: the entry, its proof and the signed checkpoint in one file, for a court, another agency
 * or the party concerned to check without our system (`tianping ledger verify-receipt`). A plain
 * link: the session cookie goes with it and the browser saves the file.
 */
export function ReceiptLink({ log, index }: { log: string; index: number }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Button icon={<DownloadOutlined />} href={buildUrl(`/ledger/logs/${encodeURIComponent(log)}/entries/${index}/receipt`)} download={`存证凭证-${log}-${index}.json`}>
        下载存证凭证
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        凭证含记录、包含证明与签名检查点，第三方凭本日志的验证公钥即可离线核验，无需访问本系统。
      </Typography.Paragraph>
    </div>
  );
}
