import { fmix32, hash32, hex8 } from '../../seed/random.js';
import type { World } from '../../seed/world.js';

/** Every Ashby call is a POST to `https://api.ashbyhq.com/<object>.<verb>` (RPC style). */
export const ASHBY = 'https://api.ashbyhq.com';

const HEX = '0123456789abcdef';

/**
 * Ashby's ids are UUIDs (v4). Ours hash (account salt, kind, key) twice in one pass (FNV-1a and a second
 * multiplicative hash: 64 bits, so 100,000s of ids never collide), spread over 128 bits and laid out as a v4 UUID:
 * the same world always gets the same ids and no two kinds share one.
 */
export function uuid(salt: string, kind: string, key: number | string): string {
  const text = `${salt}:${kind}:${key}`;
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const h = hex8(fmix32(a)) + hex8(fmix32(b)) + hex8(fmix32(a ^ Math.imul(b, 0x27d4eb2f))) + hex8(fmix32(b + Math.imul(a, 0x165667b1)));
  const variant = HEX[8 + (parseInt(h[16]!, 16) & 3)]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * What tells one account's world from another's: `World` does not carry the account id, but its first user was
 * drawn from the account's own seed, so two accounts never share ids.
 */
export function saltOf(world: World): string {
  const u = world.users[0];
  return u ? `${u.email}:${u.createdAt}` : 'ashby';
}

export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

/**
 * A file handle: opaque to clients; Ashby's are base64 JSON (`eyJoYW5kbGUiOnsi…` is `{"handle":{"…`). Ours
 * encode the file's id, so `file.info` can resolve it.
 */
export function fileHandle(fileId: string): string {
  return Buffer.from(JSON.stringify({ handle: { id: fileId } })).toString('base64');
}

/** Ashby's request ids are ULIDs (26 Crockford base32 characters); ours are derived from what was asked. */
export function requestId(of: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '01J';
  for (let i = 0; out.length < 26; i++) {
    let h = fmix32(hash32(`${i}:${of}`));
    for (let k = 0; k < 6 && out.length < 26; k++, h >>>= 5) out += alphabet[h & 31];
  }
  return out;
}

/**
 * A job's interview plan: derived from the job's id alone, because Truto reads a job's stages with
 * `interviewStage.list {interviewPlanId}` and the call shown in `debug` knows nothing but the `job_id` asked for.
 */
export const interviewPlanId = (jobId: string): string => uuid(jobId, 'interviewPlan', 1);

/** A job's posting, derived from the job's id for the same reason: `job_form_fields` is read by `job_id`. */
export const jobPostingId = (jobId: string): string => uuid(jobId, 'jobPosting', 1);
