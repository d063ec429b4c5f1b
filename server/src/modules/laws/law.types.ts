/**
 * A law version parsed from one file: metadata from its header block and a tree of addressable
 * elements (编 / 分编 / 章 / 节 / 条 / 款 / 项 / 目, plus the non-article content around them).
 */

/** 第五十一条 is `{ n: 51 }`; 第五十一条之一 is `{ n: 51, sub: 1 }`. */
export interface ArticleRef {
  n: number;
  sub?: number;
}

export type ElementKind =
  | 'part' // 编
  | 'subpart' // 分编
  | 'chapter' // 章
  | 'section' // 节
  | 'article' // 条
  | 'paragraph' // 款
  | 'item' // 项: （一）
  | 'subitem' // 目: 1.
  | 'heading' // a heading without a number (## 附则, ## 序言): a container like a chapter
  | 'appendix' // 附件 / 附表 / 附录 and everything after it
  | 'table' // a Markdown table, kept as written
  | 'text'; // any other line outside an article (preamble, notes, an unnumbered heading suspected)

export interface LawElement {
  kind: ElementKind;
  /** The number as written (第三章 → 3, （二） → 2, the 2nd 款 → 2); 0 for unnumbered kinds. */
  number: number;
  /** 之一 → 1 on articles (第五十一条之一); absent otherwise. */
  sub?: number;
  /** The marker as written, spaces and typos removed: '第五十一条之一', '（二）', '1.', '第三章'. */
  label: string;
  /** The title of a part, chapter, section, heading or appendix ('总则'); '' for the others. */
  heading: string;
  /**
   * The element's own words, without its marker and without its children: a 款's sentence
   * (its 项 are children), a 项's words after （二）. Articles and containers have '' (their
   * words are in their 款 or children). Lines of one paragraph written over several lines are
   * joined without a separator, as Chinese has no spaces between words.
   */
  text: string;
  /** `<short title>/<version date>/…`, see README.md. Unique within the law version. */
  id: string;
  /** 1-based line in the source file where the element starts. */
  line: number;
  children: LawElement[];
}

export interface LawWarning {
  /** 1-based line in the source file; 0 for the file as a whole. */
  line: number;
  /** Stable, SCREAMING_SNAKE (LAW_ARTICLE_GAP…); reports group by it. */
  code: string;
  /** Chinese, for the person checking the import. */
  message: string;
}

export type HistoryKind = 'adopted' | 'promulgated' | 'amended' | 'revised' | 'effective' | 'repealed' | 'other';

/** One line of the header block: `2021年1月22日 第十三届…修订`. */
export interface HistoryEvent {
  line: number;
  /** 'YYYY-MM-DD', when the line starts with a date. */
  date?: string;
  kind: HistoryKind;
  text: string;
}

/** The level of a text in the hierarchy of 立法法. */
export type LawLevel =
  | 'constitution' // 宪法
  | 'law' // 法律
  | 'administrative-regulation' // 行政法规
  | 'department-rule' // 部门规章
  | 'judicial-interpretation' // 司法解释
  | 'local-regulation' // 地方性法规
  | 'local-government-rule'; // 地方政府规章

export interface LawCounts {
  /** 条, including 第X条之一. */
  articles: number;
  /** 章 */
  chapters: number;
  /** 节 */
  sections: number;
  /** 编 and 分编 */
  parts: number;
}

export interface ParsedLaw {
  file: string;
  title: string;
  /** The second `#` line of a split code (民法典 → '物权编'); absent otherwise. */
  subtitle?: string;
  /** The title without 中华人民共和国, the first segment of every id: '行政处罚法'. */
  shortTitle: string;
  /** 'YYYY-MM-DD': the date in the file name, else the latest dated history line that is not 施行. */
  versionDate?: string;
  /** 'YYYY-MM-DD': a 施行 history line, else the text's 本法自…起施行 when not before the version. */
  effectiveDate?: string;
  level?: LawLevel;
  /** `<short title>/<version date or 'undated'>`: the prefix of every element id. */
  lawId: string;
  history: HistoryEvent[];
  /** Top-level elements in order; articles sit inside their chapters, sections… */
  elements: LawElement[];
  counts: LawCounts;
  warnings: LawWarning[];
}
