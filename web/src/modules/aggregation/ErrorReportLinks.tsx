import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { buildUrl } from '../../api/client';
import type { Batch } from '../../api/types';

/**
 * 错误报告: every rejected row as it was sent, with its row number and 错误原因, to fix and send
 * again. A plain link: the session cookie goes with it and the browser saves the file.
 */
export function ErrorReportLinks({ batch }: { batch: Batch }) {
  const href = (format: 'csv' | 'xlsx') => buildUrl(`/aggregation/batches/${batch.id}/error-report`, { format });
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={href('csv')} download>
        下载错误报告（CSV）
      </Button>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} download>
        下载错误报告（Excel）
      </Button>
    </Space>
  );
}
