import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { documentErrors } from './documents.errors.ts';

/**
 * Noto Sans CJK SC (思源黑体 "Hans" subset, 30,888 glyphs, OFL-1.1) from @embedpdf/fonts-sc: a
 * plain npm install brings it, no system font needed. Read once per process; PDFKit embeds only
 * the glyphs a document uses, so a 文书 stays tens of kilobytes.
 */
export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };
const loaded = new Map<FontWeight, Buffer>();

function fontsFolder(): string {
  try {
    // The package exports only its index; the fonts sit beside dist/.
    return join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  } catch {
    throw documentErrors.DOC_FONT_MISSING();
  }
}

export function documentFont(weight: FontWeight): Buffer {
  let font = loaded.get(weight);
  if (!font) {
    try {
      font = readFileSync(join(fontsFolder(), FILES[weight]));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw documentErrors.DOC_FONT_MISSING();
      throw error;
    }
    loaded.set(weight, font);
  }
  return font;
}
