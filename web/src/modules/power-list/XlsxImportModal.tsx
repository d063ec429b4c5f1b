import { Alert } from 'antd';
import type { PowerImportResult } from '../../api/types';
import { XlsxImportModal as ImportModal } from '../../app/XlsxImportModal';

function list(codes: string[]): string {
  return codes.length > 12 ? `${codes.slice(0, 12).join('、')} 等 ${codes.length} 项` : codes.join('、');
}

/** 导入权责清单 (XLSX, the template's layout): each problem named by its sheet, row and column. */
export function XlsxImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  return (
    <ImportModal<PowerImportResult>
      title="导入权责清单"
      path="/power-list/import"
      templatePath="/power-list/template"
      intro="按事项编码新增或替换事项（含法律依据与裁量基准）"
      afterTemplate="，也可先导出现有清单修改后再导入"
      problemColumns={[
        { title: '位置', key: 'at', width: 220, render: (_, d) => `${(d.field ?? '').replace('.', ' › ')}${d.row ? `，第 ${d.row} 行` : ''}` },
        { title: '问题', dataIndex: 'message' },
      ]}
      summary={(r) => (
        <Alert
          type="success"
          showIcon
          title={`导入完成：新增 ${r.created.length} 项，更新 ${r.updated.length} 项，未变化 ${r.unchanged.length} 项`}
          description={
            <>
              {r.created.length > 0 && <div>新增：{list(r.created)}</div>}
              {r.updated.length > 0 && <div>更新：{list(r.updated)}</div>}
            </>
          }
        />
      )}
      onClose={onClose}
      onImported={onImported}
    />
  );
}
