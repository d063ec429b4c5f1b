/**
 * Row check throughput: a demo CSV (default 200k rows, ~3% dirty) of a library read with readSource
 * (the baseline), against the same read plus what the importer does per row (checkRow,
 * JSON.stringify of the data, its sha256 — ingest.engine.ts readAll), in the same run. The check's
 * share is that minus read + stringify + hash of outcomes computed beforehand; the check alone runs
 * over a sample of the records held in memory. Times are the process's CPU time (user + system, GC
 * threads included), steadier than wall time on a shared machine; medians of several rounds, after
 * a warm-up round.
 * Run: npx tsx bench/row-check.ts [--rows 200000] [--rounds 5] [--lib lawyer|all]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoCsv } from '../server/src/modules/aggregation/demo/write-demo-file.ts';
import { readSource } from '../server/src/modules/aggregation/readers/read-source.ts';
import type { SourceRecord } from '../server/src/modules/aggregation/readers/source.types.ts';
import { BUILTIN_CODE_SETS } from '../server/src/modules/dictionary/code-sets.data.ts';
import {
  codeSetOf, codeTableOf, compileRowCheck, headerIndex, mapHeaders, STANDARD_LIBRARIES,
  type CodeTables, type HeaderMapping, type RawCell, type RowOutcome, type StandardLibrary,
} from '../server/src/modules/standards/index.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('rows') ?? 200_000);
const ROUNDS = Number(arg('rounds') ?? 5);
const LIB = arg('lib') ?? 'lawyer';
const SAMPLE = 20_000;

/** The importer's code tables: every built-in item enabled. */
function codeTables(lib: StandardLibrary): CodeTables {
  const codes = new Map<string, ReadonlyMap<string, string>>();
  for (const f of lib.fields) {
    const s = codeSetOf(f);
    const set = s === undefined ? undefined : BUILTIN_CODE_SETS.find((x) => x.code === s);
    if (s !== undefined && set) codes.set(s, codeTableOf(s, new Map(set.items.map((i) => [i.code, { label: i.label, enabled: true }]))));
  }
  return codes;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-rowcheck-'));

async function benchLibrary(lib: StandardLibrary): Promise<void> {
  const file = path.join(dir, `${lib.id}.csv`);
  await writeDemoCsv(lib.id, ROWS, file, { encoding: 'utf8' });
  const check = compileRowCheck(lib, codeTables(lib));
  const index = headerIndex(lib);
  const mappings = new Map<readonly string[], HeaderMapping>();
  const mappingOf = (rec: SourceRecord) => {
    let m = mappings.get(rec.headers);
    if (m === undefined) mappings.set(rec.headers, (m = mapHeaders(lib, index, rec.headers)));
    return m;
  };

  // The importer's per-row work after reading: stringify the data, hash it, stringify the originals.
  const hash = (outcome: RowOutcome) => {
    if (!outcome.ok) return;
    crypto.createHash('sha256').update(JSON.stringify(outcome.data)).digest('hex');
    if (outcome.cleansed) JSON.stringify(outcome.cleansed);
  };
  // A sample of the file in memory, small enough not to weigh on the garbage collector (holding all
  // rows would make every pass slower than the importer, which holds one chunk).
  const sample: SourceRecord[] = [];
  for await (const rec of readSource(fs.createReadStream(file), 'csv')) if (sample.push(rec) >= SAMPLE) break;
  const outcomes = sample.map((rec) => check(mappingOf(rec), rec.headers, rec.cells as readonly RawCell[]));
  let accepted = 0;

  const passes = {
    /** The baseline: reading alone. */
    read: async () => {
      let rows = 0;
      for await (const _ of readSource(fs.createReadStream(file), 'csv')) rows++;
      if (rows !== ROWS) throw new Error(`read ${rows} rows of ${ROWS}`);
    },
    /** Reading, and hashing the outcomes of the sample in turn: the pipeline without the check. */
    readHash: async () => {
      let i = 0;
      for await (const _ of readSource(fs.createReadStream(file), 'csv')) hash(outcomes[i++ % outcomes.length] as RowOutcome);
    },
    /** What the importer does per row (ingest.engine.ts readAll). */
    readCheckHash: async () => {
      accepted = 0;
      for await (const rec of readSource(fs.createReadStream(file), 'csv')) {
        const outcome = check(mappingOf(rec), rec.headers, rec.cells as readonly RawCell[]);
        if (outcome.ok) accepted++;
        hash(outcome);
      }
    },
    /** The check alone, ROWS times over the sample (no longer in the CPU cache, unlike a row just parsed). */
    checkAlone: async () => {
      for (let i = 0; i < ROWS; i++) {
        const rec = sample[i % sample.length] as SourceRecord;
        check(mappingOf(rec), rec.headers, rec.cells as readonly RawCell[]);
      }
    },
  };
  const samples: Record<keyof typeof passes, number[]> = { read: [], readHash: [], readCheckHash: [], checkAlone: [] };
  for (let r = 0; r <= ROUNDS; r++) {
    for (const [name, pass] of Object.entries(passes) as [keyof typeof passes, () => Promise<void>][]) {
      const t = process.cpuUsage();
      await pass();
      const { user, system } = process.cpuUsage(t);
      if (r > 0) samples[name].push((user + system) / 1000); // round 0 warms up JIT, code tables, file cache
    }
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, (median(v) * 1000) / ROWS])) as Record<keyof typeof passes, number>;
  const us = (x: number) => x.toFixed(2).padStart(5);
  console.log(
    `${lib.id.padEnd(22)} µs/row: read ${us(m.read)}  read+hash ${us(m.readHash)}  read+check+hash ${us(m.readCheckHash)}  ` +
      `check in the pipeline ${us(m.readCheckHash - m.readHash)}  check alone ${us(m.checkAlone)}   ` +
      `ratio (read+check+hash)/read ${(m.readCheckHash / m.read).toFixed(2)}   accepted ${accepted}/${ROWS}`,
  );
}

console.log(`${ROWS.toLocaleString()} rows per library, median of ${ROUNDS} rounds`);
try {
  for (const lib of STANDARD_LIBRARIES) if (LIB === 'all' || lib.id === LIB) await benchLibrary(lib);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
