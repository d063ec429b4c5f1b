/**
 * TEMPORARY: the shapes of GET /sharing/stats and /sharing/subject-log, written by hand from
 * sharing.schema.ts (statsView, subjectLogItem) because `npm run gen:api` fails on the gateway's
 * lookup route (its z.record querystring becomes invalid OpenAPI parameters). Once it runs, replace
 * this file with, in api/types.ts:
 *   ShareStats = Answer<'/api/v1/sharing/stats', 'get'>; ShareStatsRow = ShareStats['items'][number];
 *   SubjectLogItem = Item<'/api/v1/sharing/subject-log'>.
 */
export interface ShareStatsRow {
  key: string;
  label: string;
  calls: number;
  refused: number;
  records: number;
  avgLatencyMs: number;
}

export interface ShareStats {
  from: string;
  to: string;
  items: ShareStatsRow[];
}

export interface SubjectLogItem {
  at: string;
  consumerId: number | null;
  consumerName: string | null;
  agency: string | null;
  resourceCode: string | null;
  resourceName: string | null;
  service: string;
  purpose: string | null;
  status: number;
  resultCount: number;
}
