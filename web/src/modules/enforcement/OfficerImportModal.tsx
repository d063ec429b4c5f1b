import { Alert, Typography } from 'antd';
import type { OfficerImportResult } from '../../api/types';
import { XlsxImportModal } from '../../app/XlsxImportModal';

/** 导入执法人员 (XLSX): each problem named by its row and column. */
export function OfficerImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  return (
    <XlsxImportModal<OfficerImportResult>
      title="导入执法人员"
      path="/enforcement/officers/import"
      templatePath="/enforcement/officers/template"
      intro="按执法证号新增或更新执法人员（暂扣、注销请在列表中办理）"
      problemColumns={[
        { title: '行', dataIndex: 'row', width: 60 },
        { title: '列', key: 'field', width: 130, render: (_, d) => (d.field ?? '').split('.').at(-1) },
        { title: '问题', dataIndex: 'message' },
        { title: '代码', dataIndex: 'code', width: 200, render: (c: string | undefined) => <Typography.Text type="secondary">{c}</Typography.Text> },
      ]}
      summary={(r) => <Alert type="success" showIcon title={`导入完成：新增 ${r.created} 人，更新 ${r.updated} 人，未变化 ${r.unchanged} 人`} />}
      onClose={onClose}
      onImported={onImported}
    />
  );
}
