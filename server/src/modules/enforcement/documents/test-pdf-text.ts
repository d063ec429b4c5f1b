import { inflateSync } from 'node:zlib';

/**
 * For tests: the text a PDF written here shows, read back through each font's ToUnicode CMap, the
 * way a viewer's copy-and-paste or search reads it. Handles what PDFKit writes: Flate streams,
 * Type0 fonts with Identity-H codes, Tf / Tj / TJ; one line per BT…ET.
 */
interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<string, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      found.set(match[1] ?? '', { dict: body, stream: null });
      continue;
    }
    const raw = body.slice(body.indexOf('\n', at) + 1, body.lastIndexOf('endstream')).replace(/\r?\n$/, '');
    const bytes = Buffer.from(raw, 'latin1');
    const dict = body.slice(0, at);
    found.set(match[1] ?? '', { dict, stream: (dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1') });
  }
  return found;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** code → text from a ToUnicode CMap (bfchar and both bfrange forms). */
function cmap(source: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(range[1] ?? '', 16);
      const to = parseInt(range[2] ?? '', 16);
      const target = range[3] ?? '';
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((entry, i) => map.set(from + i, utf16(entry[1] ?? '')));
      } else {
        const start = parseInt(target.slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(start + code - from));
      }
    }
  }
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(entry[1] ?? '', 16), utf16(entry[2] ?? ''));
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const object of all.values()) {
    for (const block of object.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const ref of (block[1] ?? '').matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(all.get(ref[2] ?? '')?.dict ?? '');
        const source = toUnicode ? all.get(toUnicode[1] ?? '')?.stream : null;
        if (source) fonts.set(ref[1] ?? '', cmap(source));
      }
    }
  }
  const lines: string[] = [];
  for (const object of all.values()) {
    if (!object.stream?.includes('BT')) continue;
    let font = new Map<number, string>();
    let line = '';
    for (const op of object.stream.matchAll(/\/(\S+) [\d.]+ Tf|\[((?:[^\]]*))\] TJ|<([0-9a-fA-F]*)> Tj|\bET\b/g)) {
      if (op[1] !== undefined) font = fonts.get(op[1]) ?? new Map();
      else if (op[0] === 'ET') {
        lines.push(line);
        line = '';
      } else {
        for (const hex of (op[2] ?? `<${op[3] ?? ''}>`).matchAll(/<([0-9a-fA-F]*)>/g)) {
          const codes = hex[1] ?? '';
          for (let i = 0; i < codes.length; i += 4) line += font.get(parseInt(codes.slice(i, i + 4), 16)) ?? '\uFFFD';
        }
      }
    }
  }
  return lines.join('\n');
}
