import { hash32 } from '../../seed/random.js';

/**
 * Breezy ids are 12-character lowercase hex strings under `_id` (company, position, candidate, resume, document).
 * Each is 4 hex of hash (so neighbours look unrelated) and 8 hex of a bijection of the world's number: two records
 * of one kind never share an id. Positions instead begin with their company's 4 hex, so the company a position
 * belongs to is known from the position id alone (lists and gets always carry the position).
 */
const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);

/** A bijection of 32-bit integers (lowbias32), so distinct numbers keep distinct ids. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface BreezyIds {
  company: string;
  position(n: number): string;
  candidate(n: number): string;
  meta(n: number): string;
  file(n: number): string;
  user(n: number): string;
  reason(n: number): string;
  questionnaire(n: number): string;
  /** A candidate record's stream, by the world application the record is. */
  stream(n: number): string;
  streamItem(n: number): string;
  question(n: number): string;
  option(n: number): string;
  scorecard(n: number): string;
}

export function breezyIds(salt: string): BreezyIds {
  const base = hash32(`breezy:${salt}`);
  const prefix = hex(base >>> 16, 4);
  const id = (kind: string) => {
    const k = hash32(`${salt}:${kind}`);
    return (n: number) => hex(hash32(`${k}:${n}`), 4) + hex(mix((n ^ k) >>> 0), 8);
  };
  return {
    company: companyOfPrefix(prefix),
    position: (n) => prefix + hex(mix((n ^ base) >>> 0), 8),
    candidate: id('candidate'),
    meta: id('meta'),
    file: id('file'),
    user: id('user'),
    reason: id('disposition_reason'),
    questionnaire: id('questionnaire'),
    stream: id('stream'),
    streamItem: id('stream_item'),
    question: id('question'),
    option: id('option'),
    scorecard: id('scorecard'),
  };
}

/** The company a position id belongs to (its first 4 hex name the company). */
export function companyOf(positionId: string): string {
  return companyOfPrefix(positionId.slice(0, 4));
}

function companyOfPrefix(prefix: string): string {
  return prefix + hex(hash32(`company:${prefix}`), 8);
}

export const BREEZY = 'https://api.breezy.hr/v3';

/** The lookup key of the account's own company (the token owner's, as `GET /v3/companies` lists it). */
export const OWN_COMPANY = 'own_company';

/** A stage id: Breezy's built-in first stage is `applied`; stages added to a pipeline get numeric ids. */
export const stageId = (position: number, n: number): string => (position === 0 ? 'applied' : String(1_700_000_000_000 + n * 7_919));

/** A source's id as Breezy keys its sources: a lowercase slug. */
export const sourceId = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
