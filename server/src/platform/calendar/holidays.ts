/**
 * 法定节假日与调休上班日 2020–2026, as the General Office of the State Council set them
 * (国务院办公厅关于XXXX年部分节假日安排的通知). These dates drive statutory deadlines
 * (domain/statutory-rules.md §0.3, DAY-01..DAY-04), so each year is written exactly as its notice
 * reads and carries the notice number.
 *
 * Verified (see README.md "Data sources"):
 * - the notice text as reprinted by 新华社 / 人民日报 / 中国政府网 / 北京市政府 / 维基文库 (public domain,
 *   著作权法第五条), quoted in the comment above each year;
 * - NateScarlet/holiday-cn (2020.json; 2021–2025 .ics) and LKI/chinese-calendar (scripts/data.py,
 *   2020–2025): every date below agrees with both;
 * - 2026: the notice of 2025-11-04 (新华社 text on gmw.cn, hrbtv.net, zsnews.cn); notice number
 *   国办发明电〔2025〕7号 as reprinted with the text and as cited by independent datasets.
 *
 * Conventions:
 * - `holiday` = every rest day of a block the notice lists ("X日至Y日放假调休，共N天"), including the
 *   weekend days inside that block and the 调休 weekdays. Where a notice only says "X日放假，与周末连休"
 *   (2024 元旦, 2024 端午) only X is listed, as the notice does: the adjacent weekend is a rest day
 *   anyway, so no computation changes.
 * - `workday` = a Saturday or Sunday that the notice makes a working day ("X日（星期日）上班").
 * - A table may list a date outside its year when its notice does (2023: 2022-12-31 元旦).
 * - 2025 onwards follows the 全国年节及纪念日放假办法 as revised in November 2024 (春节, 劳动节 +1 day
 *   each, from 2025-01-01).
 */

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  /** 'YYYY-MM-DD' (Chinese legal date, no time zone) */
  readonly date: string;
  readonly kind: DayKind;
  /** the holiday block as the notice names it: 元旦, 春节, 国庆节、中秋节 … */
  readonly name: string;
}

export interface YearTable {
  readonly year: number;
  /** number of the notice that sets the year, e.g. '国办发明电〔2019〕16号' */
  readonly source: string;
  /** later notices that changed the year (2020: the Spring Festival extension) */
  readonly amendedBy?: readonly string[];
  readonly days: readonly CalendarDay[];
}

/** One numbered item of a notice: rest from `rest[0]` to `rest[1]` (inclusive); `work` are 调休上班日. */
interface Block {
  readonly name: string;
  readonly rest: readonly [from: string, to?: string];
  readonly work?: readonly string[];
}

interface Notice {
  readonly year: number;
  readonly source: string;
  readonly amendedBy?: readonly string[];
  readonly blocks: readonly Block[];
}

const NOTICES: readonly Notice[] = [
  {
    // 国办发明电〔2019〕16号 (2019-11-21): 一、元旦：1月1日放假，共1天。二、春节：1月24日至30日放假调休，
    // 共7天。1月19日（星期日）、2月1日（星期六）上班。三、清明节：4月4日至6日放假调休，共3天。四、劳动节：
    // 5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。五、端午节：6月25日至27日放假调休，
    // 共3天。6月28日（星期日）上班。六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、
    // 10月10日（星期六）上班。
    // 国办发明电〔2020〕1号 (2020-01-26): 延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）
    // 起正常上班。=> 1月31日 and 2月1日 became rest days: the 2月1日 make-up workday was cancelled.
    year: 2020,
    source: '国办发明电〔2019〕16号',
    amendedBy: ['国办发明电〔2020〕1号'],
    blocks: [
      { name: '元旦', rest: ['2020-01-01'] },
      { name: '春节', rest: ['2020-01-24', '2020-02-02'], work: ['2020-01-19'] },
      { name: '清明节', rest: ['2020-04-04', '2020-04-06'] },
      { name: '劳动节', rest: ['2020-05-01', '2020-05-05'], work: ['2020-04-26', '2020-05-09'] },
      { name: '端午节', rest: ['2020-06-25', '2020-06-27'], work: ['2020-06-28'] },
      { name: '国庆节、中秋节', rest: ['2020-10-01', '2020-10-08'], work: ['2020-09-27', '2020-10-10'] },
    ],
  },
  {
    // 国办发明电〔2020〕27号 (2020-11-25): 元旦 1月1日至3日，共3天。春节 2月11日至17日，共7天，2月7日（星期日）、
    // 2月20日（星期六）上班。清明节 4月3日至5日，共3天。劳动节 5月1日至5日，共5天，4月25日（星期日）、5月8日
    // （星期六）上班。端午节 6月12日至14日，共3天。中秋节 9月19日至21日，共3天，9月18日（星期六）上班。
    // 国庆节 10月1日至7日，共7天，9月26日（星期日）、10月9日（星期六）上班。
    year: 2021,
    source: '国办发明电〔2020〕27号',
    blocks: [
      { name: '元旦', rest: ['2021-01-01', '2021-01-03'] },
      { name: '春节', rest: ['2021-02-11', '2021-02-17'], work: ['2021-02-07', '2021-02-20'] },
      { name: '清明节', rest: ['2021-04-03', '2021-04-05'] },
      { name: '劳动节', rest: ['2021-05-01', '2021-05-05'], work: ['2021-04-25', '2021-05-08'] },
      { name: '端午节', rest: ['2021-06-12', '2021-06-14'] },
      { name: '中秋节', rest: ['2021-09-19', '2021-09-21'], work: ['2021-09-18'] },
      { name: '国庆节', rest: ['2021-10-01', '2021-10-07'], work: ['2021-09-26', '2021-10-09'] },
    ],
  },
  {
    // 国办发明电〔2021〕11号 (2021-10-25): 元旦 2022年1月1日至3日，共3天。春节 1月31日至2月6日，共7天，1月29日
    // （星期六）、1月30日（星期日）上班。清明节 4月3日至5日，共3天，4月2日（星期六）上班。劳动节 4月30日至5月4日，
    // 共5天，4月24日（星期日）、5月7日（星期六）上班。端午节 6月3日至5日，共3天。中秋节 9月10日至12日，共3天。
    // 国庆节 10月1日至7日，共7天，10月8日（星期六）、10月9日（星期日）上班。
    year: 2022,
    source: '国办发明电〔2021〕11号',
    blocks: [
      { name: '元旦', rest: ['2022-01-01', '2022-01-03'] },
      { name: '春节', rest: ['2022-01-31', '2022-02-06'], work: ['2022-01-29', '2022-01-30'] },
      { name: '清明节', rest: ['2022-04-03', '2022-04-05'], work: ['2022-04-02'] },
      { name: '劳动节', rest: ['2022-04-30', '2022-05-04'], work: ['2022-04-24', '2022-05-07'] },
      { name: '端午节', rest: ['2022-06-03', '2022-06-05'] },
      { name: '中秋节', rest: ['2022-09-10', '2022-09-12'] },
      { name: '国庆节', rest: ['2022-10-01', '2022-10-07'], work: ['2022-10-08', '2022-10-09'] },
    ],
  },
  {
    // 国办发明电〔2022〕16号 (2022-12-08): 元旦 2022年12月31日至2023年1月2日，共3天。春节 1月21日至27日，共7天，
    // 1月28日（星期六）、1月29日（星期日）上班。清明节 4月5日放假，共1天。劳动节 4月29日至5月3日，共5天，4月23日
    // （星期日）、5月6日（星期六）上班。端午节 6月22日至24日，共3天，6月25日（星期日）上班。中秋节、国庆节 9月29日
    // 至10月6日，共8天，10月7日（星期六）、10月8日（星期日）上班。
    year: 2023,
    source: '国办发明电〔2022〕16号',
    blocks: [
      { name: '元旦', rest: ['2022-12-31', '2023-01-02'] },
      { name: '春节', rest: ['2023-01-21', '2023-01-27'], work: ['2023-01-28', '2023-01-29'] },
      { name: '清明节', rest: ['2023-04-05'] },
      { name: '劳动节', rest: ['2023-04-29', '2023-05-03'], work: ['2023-04-23', '2023-05-06'] },
      { name: '端午节', rest: ['2023-06-22', '2023-06-24'], work: ['2023-06-25'] },
      { name: '中秋节、国庆节', rest: ['2023-09-29', '2023-10-06'], work: ['2023-10-07', '2023-10-08'] },
    ],
  },
  {
    // 国办发明电〔2023〕7号 (2023-10-25): 元旦 1月1日放假，与周末连休。春节 2月10日至17日，共8天，2月4日（星期日）、
    // 2月18日（星期日）上班。清明节 4月4日至6日，共3天，4月7日（星期日）上班。劳动节 5月1日至5日，共5天，4月28日
    // （星期日）、5月11日（星期六）上班。端午节 6月10日放假，与周末连休。中秋节 9月15日至17日，共3天，9月14日
    // （星期六）上班。国庆节 10月1日至7日，共7天，9月29日（星期日）、10月12日（星期六）上班。
    year: 2024,
    source: '国办发明电〔2023〕7号',
    blocks: [
      { name: '元旦', rest: ['2024-01-01'] },
      { name: '春节', rest: ['2024-02-10', '2024-02-17'], work: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', rest: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'] },
      { name: '劳动节', rest: ['2024-05-01', '2024-05-05'], work: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', rest: ['2024-06-10'] },
      { name: '中秋节', rest: ['2024-09-15', '2024-09-17'], work: ['2024-09-14'] },
      { name: '国庆节', rest: ['2024-10-01', '2024-10-07'], work: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    // 国办发明电〔2024〕12号 (2024-11-12), first year under the revised 全国年节及纪念日放假办法: 元旦 1月1日放假1天，
    // 不调休。春节 1月28日至2月4日，共8天，1月26日（周日）、2月8日（周六）上班。清明节 4月4日至6日，共3天。
    // 劳动节 5月1日至5日，共5天，4月27日（周日）上班。端午节 5月31日至6月2日，共3天。国庆节、中秋节 10月1日至
    // 8日，共8天，9月28日（周日）、10月11日（周六）上班。
    year: 2025,
    source: '国办发明电〔2024〕12号',
    blocks: [
      { name: '元旦', rest: ['2025-01-01'] },
      { name: '春节', rest: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', rest: ['2025-04-04', '2025-04-06'] },
      { name: '劳动节', rest: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
      { name: '端午节', rest: ['2025-05-31', '2025-06-02'] },
      { name: '国庆节、中秋节', rest: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    // 国办发明电〔2025〕7号 (2025-11-04): 元旦 1月1日至3日，共3天，1月4日（周日）上班。春节 2月15日至23日，共9天，
    // 2月14日（周六）、2月28日（周六）上班。清明节 4月4日至6日，共3天。劳动节 5月1日至5日，共5天，5月9日（周六）
    // 上班。端午节 6月19日至21日，共3天。中秋节 9月25日至27日，共3天。国庆节 10月1日至7日，共7天，9月20日
    // （周日）、10月10日（周六）上班。
    year: 2026,
    source: '国办发明电〔2025〕7号',
    blocks: [
      { name: '元旦', rest: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
      { name: '春节', rest: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', rest: ['2026-04-04', '2026-04-06'] },
      { name: '劳动节', rest: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
      { name: '端午节', rest: ['2026-06-19', '2026-06-21'] },
      { name: '中秋节', rest: ['2026-09-25', '2026-09-27'] },
      { name: '国庆节', rest: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

/** Inclusive list of 'YYYY-MM-DD' dates from `from` to `to` (UTC arithmetic only: no time zones). */
function dateRange(from: string, to: string = from): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function expand(notice: Notice): YearTable {
  const days: CalendarDay[] = [];
  for (const b of notice.blocks) {
    for (const date of dateRange(b.rest[0], b.rest[1])) days.push({ date, kind: 'holiday', name: b.name });
    for (const date of b.work ?? []) days.push({ date, kind: 'workday', name: b.name });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year: notice.year,
    source: notice.source,
    ...(notice.amendedBy ? { amendedBy: notice.amendedBy } : {}),
    days,
  };
}

/** The built-in year tables, one per notice, 2020–2026. Extra years come from the database. */
export const STATE_COUNCIL_CALENDAR: readonly YearTable[] = Object.freeze(NOTICES.map(expand));
