import { describe, expect, it } from 'vitest';
import { snippetOf } from './snippet.ts';

const marked = (s: { text: string; marks: Array<[number, number]> }) => s.marks.map(([a, b]) => s.text.slice(a, b));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('snippetOf', () => {
  it('a short text is shown whole with every match marked', () => {
    const s = snippetOf('第九条　行政处罚的种类：罚款、没收违法所得；罚款数额另行规定。', ['罚款']);
    expect(s.text).toBe('第九条　行政处罚的种类：罚款、没收违法所得；罚款数额另行规定。');
    expect(marked(s)).toEqual(['罚款', '罚款']);
    expect(s.marks[0]).toEqual([12, 14]);
  });

  it('a long text is cut around the first match, with … at both cut ends', () => {
    const body = `${'前'.repeat(200)}罚款${'后'.repeat(200)}罚款`;
    const s = snippetOf(body, ['罚款'], 100);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect([...s.text].length).toBe(102);
    expect(marked(s)).toEqual(['罚款']);
    // The match stands a quarter in, so what leads to it is readable.
    expect(s.marks[0]![0]).toBe(1 + 25);
  });

  it('a match near the start or the end needs no … on that side', () => {
    const body = `罚款${'字'.repeat(300)}`;
    expect(snippetOf(body, ['罚款'], 100).text.startsWith('罚款')).toBe(true);
    const tail = snippetOf(`${'字'.repeat(300)}罚款`, ['罚款'], 100);
    expect(tail.text.endsWith('罚款')).toBe(true);
    expect(tail.text.startsWith('…')).toBe(true);
    expect([...tail.text].length).toBe(101);
  });

  it('no match (should not happen) shows the beginning without marks', () => {
    const s = snippetOf('字'.repeat(300), ['罚款'], 100);
    expect(s.text).toBe(`${'字'.repeat(100)}…`);
    expect(s.marks).toEqual([]);
  });

  it('several words are all marked, in text order', () => {
    const s = snippetOf('律师违反规定的，处以罚款；律师事务所另行处理。', ['罚款', '律师']);
    expect(marked(s)).toEqual(['律师', '罚款', '律师']);
  });

  it('overlapping matches of two words merge into one mark', () => {
    const s = snippetOf('设立律师事务所', ['律师', '律师事务所']);
    expect(marked(s)).toEqual(['律师事务所']);
  });

  it('full-width letters and digits match their ASCII query, marked as written', () => {
    const s = snippetOf('依照浙司〔２０２１〕１２号文件和ＩＣＰ备案', ['2021', 'icp']);
    expect(marked(s)).toEqual(['２０２１', 'ＩＣＰ']);
  });

  it('a character that NFKC expands is marked whole', () => {
    // ㈠ is (一) after NFKC: the query 一 matches inside it, the mark covers the one character.
    const s = snippetOf('见㈠项', ['一']);
    expect(marked(s)).toEqual(['㈠']);
  });

  it('never cuts a surrogate pair or marks half of one', () => {
    const astral = '𠀀'; // U+20000, two UTF-16 units
    const body = astral.repeat(60) + '罚款' + astral.repeat(120);
    for (const width of [99, 100, 101]) {
      const s = snippetOf(body, ['罚款', '𠀀罚'], width);
      expect(LONE_SURROGATE.test(s.text), `width ${width}`).toBe(false);
      for (const m of marked(s)) expect(LONE_SURROGATE.test(m)).toBe(false);
      expect(marked(s)).toEqual(['𠀀罚款']);
    }
  });

  it('keeps a combining accent with its letter', () => {
    const s = snippetOf(`${'a'.repeat(30)}e\u0301${'b'.repeat(200)}`, ['b'], 100);
    expect(s.text.includes('\u0301')).toBe(s.text.includes('e'));
  });

  it('line breaks between 款 read as spaces, offsets unchanged', () => {
    const s = snippetOf('第一款。\n处以罚款', ['罚款']);
    expect(s.text).toBe('第一款。 处以罚款');
    expect(marked(s)).toEqual(['罚款']);
  });
});
