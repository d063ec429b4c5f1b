import PDFDocument from 'pdfkit';
import { chineseDate } from './chinese-figures.ts';
import { documentFont } from './fonts.ts';

/**
 * The page every 文书 shares: A4 with the 公文 margins (GB/T 9704: 37 mm top, 28 mm left, 26 mm
 * right, 35 mm bottom, loosened a little at the top for a form), the agency and title centred,
 * the number under them, body paragraphs indented two characters, and the agency, date and seal
 * at the foot. Only the glyphs used are embedded (PDFKit subsets the font).
 */
const MM = 72 / 25.4;
const MARGINS = { top: 30 * MM, bottom: 30 * MM, left: 28 * MM, right: 26 * MM };
const TITLE_SIZE = 20;
const BODY_SIZE = 13;
const TABLE_SIZE = 12;
const LINE_GAP = 7;
const CELL_LINE_GAP = 4;
/** the 印章 is round, 42 mm across (GB/T 9704 公章 size) */
const SEAL_RADIUS = 21 * MM;

/**
 * 标点禁则 (GB/T 15834 usage): these never start a line (they hang in the margin instead) and
 * those never end one (they move down with the next character).
 */
const NO_LINE_START = '，。、；：？！）》」』”’〕】…%';
const NO_LINE_END = '（《「『“‘〔【';
/** figures, Latin words and numbers with separators stay whole: 1,000 330106198503151236 0571-87654321 */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,:/-]*|[\s\S]/gu;

export interface TableRow {
  label: string;
  value: string;
  /** room for a handwritten signature or opinion */
  minHeight?: number;
}

interface Lines {
  lines: string[];
  /** the last line of each paragraph is not stretched */
  last: boolean[];
}

export class DocumentWriter {
  private constructor(private readonly pdf: PDFKit.PDFDocument) {}

  /** Draws the document and returns the finished PDF. */
  static render(info: { title: string; agency: string }, draw: (writer: DocumentWriter) => void): Promise<Buffer> {
    const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, info: { Title: info.title, Author: info.agency }, lang: 'zh-CN' });
    pdf.registerFont('regular', documentFont('regular'));
    pdf.registerFont('bold', documentFont('bold'));
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    draw(new DocumentWriter(pdf));
    pdf.end();
    return done;
  }

  private get width(): number {
    return this.pdf.page.width - MARGINS.left - MARGINS.right;
  }

  private get bottom(): number {
    return this.pdf.page.height - MARGINS.bottom;
  }

  /**
   * Breaks text into lines of `width` (the first `indent` narrower) in the current font: PDFKit's
   * own wrapping follows UAX #14, which keeps “…” glued to its neighbours and leaves ragged lines.
   */
  private wrap(text: string, width: number, indent = 0): Lines {
    const out: Lines = { lines: [], last: [] };
    for (const paragraph of text.split('\n')) {
      let line = '';
      let used = 0;
      let room = width - indent;
      for (const token of paragraph.match(TOKEN) ?? []) {
        const tokenWidth = this.pdf.widthOfString(token);
        if (line !== '' && used + tokenWidth > room && !NO_LINE_START.includes(token)) {
          let carry = '';
          while (line.length > 1 && NO_LINE_END.includes(line.slice(-1))) {
            carry = line.slice(-1) + carry;
            line = line.slice(0, -1);
          }
          out.lines.push(line);
          out.last.push(false);
          line = carry;
          used = carry === '' ? 0 : this.pdf.widthOfString(carry);
          room = width;
        }
        line += token;
        used += tokenWidth;
      }
      out.lines.push(line);
      out.last.push(true);
    }
    return out;
  }

  /** Draws wrapped lines from (x, y), stretched to `width` except a paragraph's last; returns the new y. */
  private drawLines(wrapped: Lines, x: number, y: number, width: number, lineGap: number, indent = 0, breakPages = false): number {
    const lineHeight = this.pdf.currentLineHeight() + lineGap;
    let top = y;
    wrapped.lines.forEach((line, i) => {
      if (breakPages && top + lineHeight > this.bottom) {
        this.pdf.addPage();
        top = MARGINS.top;
      }
      const left = x + (i === 0 ? indent : 0);
      const room = width - (i === 0 ? indent : 0);
      const chars = [...line].length;
      const spacing = wrapped.last[i] || chars < 2 ? 0 : (room - this.pdf.widthOfString(line)) / (chars - 1);
      this.pdf.text(line, left, top, { lineBreak: false, characterSpacing: spacing });
      top += lineHeight;
    });
    return top;
  }

  private linesHeight(wrapped: Lines, lineGap: number): number {
    return wrapped.lines.length * (this.pdf.currentLineHeight() + lineGap);
  }

  /** 杭州市西湖区司法局 / 行政处罚决定书 / 西司罚决字〔2024〕第12号 */
  heading(agency: string, title: string, number: string): void {
    const pdf = this.pdf;
    pdf.font('bold').fontSize(TITLE_SIZE).text(agency, MARGINS.left, MARGINS.top, { width: this.width, align: 'center' });
    pdf.moveDown(0.2).text(title, { width: this.width, align: 'center', characterSpacing: 2 });
    pdf.moveDown(0.6).font('regular').fontSize(BODY_SIZE).text(number, { width: this.width, align: 'right' });
    pdf.moveDown(0.8);
  }

  /** A justified body paragraph; `indent` false for a salutation or a party line. */
  paragraph(text: string, options: { indent?: boolean; bold?: boolean } = {}): void {
    const indent = (options.indent ?? true) ? 2 * BODY_SIZE : 0;
    this.pdf.font(options.bold ? 'bold' : 'regular').fontSize(BODY_SIZE);
    const y = this.drawLines(this.wrap(text, this.width, indent), MARGINS.left, this.pdf.y, this.width, LINE_GAP, indent, true);
    this.pdf.x = MARGINS.left;
    this.pdf.y = y + 0.3 * BODY_SIZE;
  }

  /** A bordered two-column form (审批表, 送达回证); a row that does not fit starts a new page. */
  table(rows: TableRow[]): void {
    const pdf = this.pdf;
    const labelWidth = 30 * MM;
    const valueWidth = this.width - labelWidth;
    const pad = 2.5 * MM;
    pdf.font('regular').fontSize(TABLE_SIZE);
    for (const row of rows) {
      const label = this.wrap(row.label, labelWidth - 2 * pad);
      const value = this.wrap(row.value, valueWidth - 2 * pad);
      const textHeight = Math.max(this.linesHeight(label, CELL_LINE_GAP), this.linesHeight(value, CELL_LINE_GAP));
      const height = Math.max(textHeight + 2 * pad, row.minHeight ?? 0, 10 * MM);
      if (pdf.y + height > this.bottom) pdf.addPage();
      const top = pdf.y;
      pdf.rect(MARGINS.left, top, labelWidth, height).rect(MARGINS.left + labelWidth, top, valueWidth, height).lineWidth(0.8).stroke();
      const labelTop = top + (height - this.linesHeight(label, CELL_LINE_GAP) + CELL_LINE_GAP) / 2;
      label.lines.forEach((line, i) => {
        pdf.text(line, MARGINS.left + pad, labelTop + i * (pdf.currentLineHeight() + CELL_LINE_GAP), { width: labelWidth - 2 * pad, align: 'center', lineBreak: false });
      });
      this.drawLines(value, MARGINS.left + labelWidth + pad, top + pad + CELL_LINE_GAP / 2, valueWidth - 2 * pad, CELL_LINE_GAP);
      pdf.y = top + height;
    }
    pdf.x = MARGINS.left;
    pdf.moveDown(0.6);
  }

  /**
   * The agency and date at the right of the foot, with the 印章 placeholder over them (the
   * electronic seal replaces it later). Starts a new page when the date line would not fit; the
   * seal's lower edge may reach into the bottom margin, as a stamped seal does.
   */
  signature(agency: string, date: string): void {
    const pdf = this.pdf;
    if (pdf.y + 6 * MM + 26 * MM > this.bottom) pdf.addPage();
    const top = pdf.y + 6 * MM;
    const right = MARGINS.left + this.width;
    const blockWidth = 70 * MM;
    pdf.font('regular').fontSize(BODY_SIZE);
    pdf.text(agency, right - blockWidth, top + 10 * MM, { width: blockWidth, align: 'center' });
    pdf.text(chineseDate(date), right - blockWidth, top + 18 * MM, { width: blockWidth, align: 'center' });
    const centreX = right - blockWidth / 2;
    const centreY = top + 15 * MM;
    pdf.save().circle(centreX, centreY, SEAL_RADIUS).dash(4, { space: 3 }).lineWidth(0.8).strokeColor('#b0b0b0').stroke().restore();
    pdf.fillColor('#909090').fontSize(10).text('（印章）', centreX - SEAL_RADIUS, centreY - SEAL_RADIUS + 4 * MM, { width: 2 * SEAL_RADIUS, align: 'center' });
    pdf.fillColor('black');
    pdf.x = MARGINS.left;
    pdf.y = top + 2 * SEAL_RADIUS;
  }
}
