import type { HistoryEvent, LawLevel } from '../law.types.ts';

/** 全国人民代表大会常务委员会, 浙江省人民代表大会常务委员会, 国务院, 司法部… */
const BODY =
  /((?:[\u4e00-\u9fa5]{2,12}?(?:省|市|自治区|州|县))?(?:人民代表大会常务委员会|人民代表大会|人民政府)|全国人民代表大会常务委员会|全国人民代表大会|国务院|最高人民法院|最高人民检察院|[\u4e00-\u9fa5]{1,12}?(?:部|委员会|总局|总署|署|局))/u;
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日\s*/u;
const SESSION = /第[一二三四五六七八九十百]+届/gu;

/**
 * 制定机关 from the first adoption or promulgation line (`1996年5月15日 第八届全国人民代表大会常务
 * 委员会第十九次会议通过` → 全国人民代表大会常务委员会); a 行政法规 without history is 国务院's (立法法
 * 第七十二条). '' when neither says.
 */
export function issuerOf(history: readonly HistoryEvent[], level: LawLevel | undefined): string {
  const first = history.find((e) => e.kind === 'adopted' || e.kind === 'promulgated') ?? history[0];
  const text = first?.text.replace(DATE, '').replace(SESSION, '') ?? '';
  const m = BODY.exec(text);
  if (m?.[1]) return m[1];
  return level === 'administrative-regulation' ? '国务院' : '';
}
