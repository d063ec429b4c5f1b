/**
 * The simulator's own residents, from the demo's deterministic building blocks (names, divisions,
 * 公民身份号码 with a valid 校验码). The demo's eight roles use 顺序码 0–991 (entities.ts: slices of
 * 62 × 2), so the simulator takes 992–999 — a pair per agency — and none of its people can share an
 * ID number with a demo person by accident. The demo persons it does name (a lawyer who is also a
 * civil servant, a deceased mediator) it takes from the demo generator itself, on purpose.
 */
import { counties, personName, type County } from '../../server/src/modules/aggregation/demo/names.ts';
import { compactDate, dayOf, mix32, permute, Rng, rowSeed, strHash } from '../../server/src/modules/aggregation/demo/random.ts';
import { cleanRecord } from '../../server/src/modules/aggregation/demo/records.ts';
import { idCheckDigit } from '../../server/src/modules/standards/index.ts';

export interface Person {
  name: string;
  male: boolean;
  idNumber: string;
  /** Days since 1970-01-01. */
  birth: number;
  county: County;
}

/** Which agency's pool a person is drawn from: its own 顺序码 pair, so pools never overlap. */
export const POOL = { gongan: 0, minzheng: 1, zrzy: 2, zuzhi: 3 } as const;
const FREE_SEQ = 992;

/** Person `index` of a pool, born between the years given; male and female of one index differ in 顺序码. */
export function simPerson(pool: number, index: number, male: boolean, seed: number, fromYear: number, toYear: number): Person {
  const cs = counties();
  const first = dayOf(fromYear);
  const days = dayOf(toYear + 1) - first;
  const n = cs.length * days;
  const p = permute(index % n, n, mix32(strHash(`sim-pool-${pool}-${fromYear}`) ^ Math.imul(seed, 0x9e3779b9)));
  const county = cs[p % cs.length] as County;
  const birth = first + Math.floor(p / cs.length);
  const first17 = `${county.code}${compactDate(birth)}${FREE_SEQ + pool * 2 + (male ? 1 : 0)}`;
  const rng = new Rng(rowSeed(strHash(`sim-name-${pool}`), index * 2 + (male ? 1 : 0), seed));
  return { name: personName(rng, male), male, idNumber: first17 + idCheckDigit(first17), birth, county };
}

/** A person of the demo's libraries (row `row` of `library`, as the demo seeds it). */
export function demoPerson(library: string, row: number, seed: number): Person {
  const r = cleanRecord(library, row, seed);
  const idNumber = r.idNumber ?? '';
  const code = idNumber.slice(0, 6);
  const county = counties().find((c) => c.code === code) ?? (counties()[0] as County);
  const birth = dayOf(Number(idNumber.slice(6, 10)), Number(idNumber.slice(10, 12)), Number(idNumber.slice(12, 14)));
  return { name: r.name ?? '', male: Number(idNumber.charAt(16)) % 2 === 1, idNumber, birth, county };
}

/** The first-generation 15-digit form of an 18-digit number of someone born in the 1900s (GB 11643-1989). */
export const legacyId = (id18: string): string => id18.slice(0, 6) + id18.slice(8, 17);
