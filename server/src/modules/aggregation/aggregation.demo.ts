import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BatchService } from './batches.service.ts';
import type { Obligation, SourceService } from './sources.service.ts';
import { writeDemoCsv } from './demo/write-demo-file.ts';

/** Rows per library in the demo: enough for lists, charts and quality findings; small enough to seed in seconds. */
export const DEMO_ROWS = 60;

interface DemoSource {
  code: string;
  name: string;
  /** Region code of the owning org (a 司法厅/局 of the demo tree). */
  region: string;
  libraries: Obligation[];
  /** false: registered but never delivered, so the coverage page has a stale source to show. */
  delivers: boolean;
}

const o = (libraryId: string, cycle: Obligation['cycle'], expectedRecords: number | null): Obligation => ({ libraryId, cycle, expectedRecords });

// Expected counts a little above what is delivered: the coverage page shows a realistic 9x%.
const DEMO_SOURCES: readonly DemoSource[] = [
  { code: 'zj-lawyer', name: '浙江省律师管理系统', region: '330000', delivers: true, libraries: [o('lawyer', 'daily', 62), o('law-firm', 'monthly', 60)] },
  { code: 'zj-notary', name: '浙江省公证管理系统', region: '330000', delivers: true, libraries: [o('notary', 'monthly', 60), o('notary-office', 'quarterly', 60)] },
  { code: 'zj-appraisal', name: '浙江省司法鉴定管理系统', region: '330000', delivers: true, libraries: [o('appraiser', 'monthly', 64), o('appraisal-institution', 'quarterly', 60)] },
  { code: 'zj-legal-aid', name: '浙江省法律援助管理系统', region: '330000', delivers: true, libraries: [o('legal-aid-case', 'daily', 66)] },
  { code: 'zj-qualification', name: '法律职业资格管理系统（浙江）', region: '330000', delivers: true, libraries: [o('legal-qualification', 'yearly', 60)] },
  { code: 'zj-mediation', name: '浙江省人民调解管理系统', region: '330000', delivers: true, libraries: [o('mediator', 'monthly', 70), o('mediation-committee', 'quarterly', 60)] },
  { code: 'zj-corrections', name: '浙江省社区矫正管理平台', region: '330000', delivers: true, libraries: [o('corrections-subject', 'daily', 61)] },
  {
    code: 'zj-enforcement', name: '浙江省行政执法监督平台', region: '330000', delivers: true,
    libraries: [o('enforcement-officer', 'monthly', 60), o('administrative-permit', 'weekly', null), o('administrative-penalty', 'weekly', null)],
  },
  { code: 'hz-mediation', name: '杭州市人民调解信息系统', region: '330100', delivers: false, libraries: [o('mediator', 'monthly', 120)] },
];

/**
 * The demo's business data: source systems with their obligations, and every library's records
 * loaded through the same path a real file takes (generated CSV → ingest), dirty rows included.
 */
export async function seedAggregationDemo(deps: { sources: SourceService; batches: BatchService; orgIdOfRegion: (region: string) => Promise<number | null>; rows?: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tianping-demo-'));
  try {
    for (const s of DEMO_SOURCES) {
      const orgId = await deps.orgIdOfRegion(s.region);
      await deps.sources.create({ system: 'demo' }, null, { code: s.code, name: s.name, description: '演示来源系统', libraries: s.libraries }, orgId);
      if (!s.delivers) continue;
      for (const l of s.libraries) {
        const file = path.join(dir, `${l.libraryId}.csv`);
        await writeDemoCsv(l.libraryId, deps.rows ?? DEMO_ROWS, file, { encoding: l.libraryId === 'lawyer' ? 'gbk' : 'utf8' });
        await deps.batches.ingestFile({ system: 'demo' }, null, { libraryId: l.libraryId, sourceCode: s.code, mode: 'partial', filePath: file, fileName: `${l.libraryId}-demo.csv` });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
