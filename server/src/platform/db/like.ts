/** User text inside a LIKE pattern matches itself: `%`, `_` and the escape `\` are escaped. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
