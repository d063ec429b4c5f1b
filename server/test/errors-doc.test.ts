import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// Importing the composition root loads every module, so every module's codes are registered.
import { buildTianping } from '../src/main.ts';
import { registeredErrorCodes } from '../src/platform/http/errors.ts';

/**
 * DESIGN §4: "every code is listed in docs/errors.md (a test checks both directions)". A table row
 * of the catalog is `| CODE | HTTP status | message |`; other tables (detail codes) have no status
 * column and are not read here.
 */

const DOC = path.resolve(import.meta.dirname, '../../docs/errors.md');
const ROW = /^\|\s*`?([A-Z][A-Z0-9_]*)`?\s*\|\s*(\d{3})\s*\|/;

function documented(): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of fs.readFileSync(DOC, 'utf8').split('\n')) {
    const m = ROW.exec(line.trim());
    if (!m) continue;
    const [, code = '', status = ''] = m;
    expect(rows.has(code), `${code} listed twice in docs/errors.md`).toBe(false);
    rows.set(code, Number(status));
  }
  return rows;
}

describe('docs/errors.md lists exactly the registered error codes', () => {
  it('the composition root is loaded, so all modules have registered', () => {
    expect(typeof buildTianping).toBe('function');
    expect(registeredErrorCodes().size).toBeGreaterThan(20);
    expect(fs.existsSync(DOC), 'docs/errors.md is missing').toBe(true);
  });

  it('every registered code is in docs/errors.md', () => {
    const doc = documented();
    const missing = [...registeredErrorCodes().keys()].filter((c) => !doc.has(c)).sort();
    expect(missing, 'add these codes to docs/errors.md').toEqual([]);
  });

  it('every code in docs/errors.md is registered (no stale rows)', () => {
    const registered = registeredErrorCodes();
    const stale = [...documented().keys()].filter((c) => !registered.has(c)).sort();
    expect(stale, 'these codes in docs/errors.md no longer exist').toEqual([]);
  });

  it('the HTTP status in docs/errors.md is the registered one', () => {
    const doc = documented();
    const wrong = [...registeredErrorCodes()]
      .filter(([code, spec]) => doc.has(code) && doc.get(code) !== spec.status)
      .map(([code, spec]) => `${code}: doc ${doc.get(code)}, code ${spec.status}`);
    expect(wrong).toEqual([]);
  });

  it('codes are stable SCREAMING_SNAKE with a Chinese message', () => {
    for (const [code, spec] of registeredErrorCodes()) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
      expect(spec.message, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.status >= 400 && spec.status < 600, code).toBe(true);
    }
  });
});
