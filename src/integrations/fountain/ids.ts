import { fmix32, hash32 } from '../../seed/random.js';

export const API = 'https://api.fountain.com/v2';

const hex = (n: number) => n.toString(16).padStart(8, '0');

const bases = new Map<string, [number, number, number, number]>();

function basesOf(salt: string, kind: string): [number, number, number, number] {
  const key = `${salt}:${kind}`;
  let base = bases.get(key);
  if (!base) {
    base = [hash32(`${key}:a`), hash32(`${key}:b`), hash32(`${key}:c`), hash32(`${key}:d`)];
    if (bases.size > 1000) bases.clear();
    bases.set(key, base);
  }
  return base;
}

/** A deterministic 32-bit number for (account, kind, n), for values such as file sizes. */
export const word = (salt: string, kind: string, n: number): number => fmix32((basesOf(salt, kind)[0] + n) | 0);

/**
 * Fountain ids are UUIDs (`e8e4edc5-096c-47ea-b682-f77c6c4462dd`). Ours are v4-looking UUIDs from (account salt,
 * kind, n): four words, each a bijective mix of n with a base hashed once per account and kind, so ids never
 * repeat within a kind, and seeding 100,000 applicants hashes no strings per record.
 */
function uuidOf(base: readonly [number, number, number, number], n: number): string {
  const a = hex(fmix32((base[0] + n) | 0));
  const b = hex(fmix32((base[1] + n) | 0));
  const c = hex(fmix32((base[2] + n) | 0));
  const d = hex(fmix32((base[3] + n) | 0));
  const variant = '89ab'[parseInt(c[0]!, 16) & 3]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/**
 * The account's salt for its ids. `seed(world)` is not told the account id, but the world is drawn from it
 * (buildWorld hashes seed and account), so its first users' addresses and first jobs tell accounts apart.
 */
export function accountSalt(world: { users: readonly { email: string }[]; jobs: readonly { title: string; office: string }[] }): string {
  return [...world.users.slice(0, 3).map((u) => u.email), ...world.jobs.slice(0, 3).map((j) => `${j.title}@${j.office}`)].join('|');
}

export const ids = (salt: string) => {
  const of = (kind: string) => {
    const base = basesOf(salt, kind);
    return (n: number) => uuidOf(base, n);
  };
  return {
    applicant: of('applicant'),
    funnel: of('funnel'),
    stage: of('stage'),
    /** Every opening's workflow ends in a Hired and a Rejected stage of its own. */
    hiredStage: of('stage-hired'),
    rejectedStage: of('stage-rejected'),
    document: of('secure_document'),
    user: of('user'),
    bookedSlot: of('booked_slot'),
    note: of('note'),
    /** An opening's location: one per office of the world. */
    location: of('location'),
    locationGroup: of('location_group'),
  };
};
