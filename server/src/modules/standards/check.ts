/**
 * The result of a standards validator. Validators run on every cell of an import (millions of
 * rows), so a bad value is an ordinary result rather than an exception: `code` is stable and
 * machine-readable (reports group by it), `message` is the Chinese text shown to the person who
 * has to fix the cell.
 */
export type Check<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export const ok = <T>(value: T): Check<T> => ({ ok: true, value });

export const fail = (code: string, message: string): Check<never> => ({ ok: false, code, message });

const PREVIEW_LENGTH = 20;
const UNPRINTABLE = /[\x00-\x1F\x7F-\x9F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A short, printable excerpt of a raw value for an error message. Messages end up in import
 * reports, logs and downloaded spreadsheets, so a 100 MB cell must not be copied into them, and
 * control characters or half surrogate pairs must not break the file they are written to.
 */
export function preview(raw: string): string {
  let s = raw;
  let cut = false;
  if (s.length > PREVIEW_LENGTH) {
    // Do not cut a surrogate pair in half.
    const end = (s.charCodeAt(PREVIEW_LENGTH - 1) & 0xfc00) === 0xd800 ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH;
    s = s.slice(0, end);
    cut = true;
  }
  s = s.replace(UNPRINTABLE, '?');
  return cut ? `${s}…` : s;
}
