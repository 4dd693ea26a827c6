import { hash32 } from '../../seed/random.js';

export const API = 'https://api.fountain.com/v2';

const hex = (n: number) => n.toString(16).padStart(8, '0');

/**
 * Fountain ids are UUIDs (`e8e4edc5-096c-47ea-b682-f77c6c4462dd`). Ours are v4-looking UUIDs made from four
 * FNV hashes of (account salt, kind, n): deterministic, distinct per kind, and never drawn from Math.random.
 */
export function uuid(salt: string, kind: string, n: number | string): string {
  const key = `${salt}:${kind}:${n}`;
  const a = hex(hash32(`${key}:a`));
  const b = hex(hash32(`${key}:b`));
  const c = hex(hash32(`${key}:c`));
  const d = hex(hash32(`${key}:d`));
  const variant = '89ab'[parseInt(c[0]!, 16) & 3]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/**
 * The account's salt for its ids. `seed(world)` is not told the account id, but the world is drawn from it
 * (buildWorld hashes seed and account), so its first user's address and first job's time tell accounts apart.
 */
export function accountSalt(world: { users: readonly { email: string }[]; jobs: readonly { createdAt: number }[] }): string {
  return `${world.users[0]?.email ?? ''}|${world.jobs[0]?.createdAt ?? 0}`;
}

export const ids = (salt: string) => ({
  applicant: (n: number) => uuid(salt, 'applicant', n),
  funnel: (n: number) => uuid(salt, 'funnel', n),
  stage: (n: number) => uuid(salt, 'stage', n),
  /** Every opening's workflow ends in a Hired and a Rejected stage of its own. */
  hiredStage: (jobN: number) => uuid(salt, 'stage-hired', jobN),
  rejectedStage: (jobN: number) => uuid(salt, 'stage-rejected', jobN),
  document: (n: number) => uuid(salt, 'secure_document', n),
});
