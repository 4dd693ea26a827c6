import { fmix32, hash32, hex8 } from '../../seed/random.js';
import { STAGES } from '../../seed/vocabulary.js';

const masks = new Map<string, number>();

/**
 * Lever's ids are v4 UUIDs. Ours are drawn from (kind, n): the first words from a hash, the last eight hex digits
 * from n through a bijection of 32-bit integers (odd multiplier, per-kind mask), so two records of one kind can
 * never share an id (a 32-bit hash alone would collide among a few hundred thousand files).
 */
export function leverUuid(kind: string, n: number): string {
  let mask = masks.get(kind);
  if (mask === undefined) masks.set(kind, (mask = hash32(`lever:${kind}`)));
  const a = fmix32(hash32(`lever:${kind}:${n}`));
  const b = hex8(fmix32(a ^ 0x9e3779b9));
  const c = fmix32(a ^ 0x7f4a7c15);
  const cs = hex8(c);
  return `${hex8(a)}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[c >>> 30]}${cs.slice(1, 4)}-${cs.slice(4, 8)}${hex8(Math.imul(n, 0x9e3779b1) ^ mask)}`;
}

export const ids = {
  opportunity: (n: number) => leverUuid('opportunity', n),
  contact: (n: number) => leverUuid('contact', n),
  application: (n: number) => leverUuid('application', n),
  resume: (n: number) => leverUuid('resume', n),
  file: (n: number) => leverUuid('file', n),
  posting: (n: number) => leverUuid('posting', n),
  user: (n: number) => leverUuid('user', n),
  /** Archive reasons: `0` is the account's built-in "Hired" reason, the others the world's reject reasons. */
  archiveReason: (n: number) => leverUuid('archive_reason', n),
  /**
   * Pipeline stages are account-wide in Lever, not per posting: one id per stage name. The default applicant stage
   * has Lever's slug id; stages an account adds get UUIDs.
   */
  stage: (name: string) => (name === STAGES[0] ? 'applicant-new' : leverUuid('stage', STAGES.indexOf(name) + 1)),
};

export const LEVER = 'https://api.lever.co/v1';
export const HIRE = 'https://hire.lever.co';
