import type { StandardLibraryDetail } from '../../api/types';

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Saves a file the browser made (not one from the server) under `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * 导入模板: a CSV whose one line is the library's template headers, UTF-8 with a BOM so Excel and
 * WPS on Chinese Windows open it as Chinese, not mojibake.
 */
export function downloadTemplate(library: StandardLibraryDetail): void {
  const line = library.fields.map((f) => quote(f.label)).join(',');
  saveFile(new Blob([`\ufeff${line}\r\n`], { type: 'text/csv;charset=utf-8' }), `${library.name}导入模板.csv`);
}
