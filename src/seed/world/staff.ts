import { Random, hash32 } from '../random.js';
import { DAY, REFERENCE_TIME } from '../reference-time.js';
import type { WorldUser } from '../world.js';

/** The account's users by what they do in hiring, and when the ones who left did. */
export interface Staff {
  recruiters: number[];
  coordinators: number[];
  hiringManagers: number[];
  /** Interviewers and hiring managers: who sits on technical and onsite panels. */
  panel: number[];
  /** By user n: when they left (their last day), or Infinity. */
  leftAt: number[];
}

/**
 * Gives each user a role and marks a few interviewers as gone, from a stream of its own so the users' names and
 * dates drawn before stay as they were. User 1 is the admin; every role has at least one active member.
 */
export function assignRoles(users: WorldUser[], seed: number, accountId: string, span: number): Staff {
  const r = new Random(hash32(`${seed}:${accountId}:staff`));
  const count = users.length;
  const recruiters = Math.max(2, Math.round(count * 0.12));
  const coordinators = Math.max(1, Math.round(count * 0.08));
  const hiringManagers = Math.max(2, Math.round(count * 0.22));
  const order = r.sample(
    users.slice(1).map((u) => u.n),
    count - 1,
  );
  const staff: Staff = { recruiters: [], coordinators: [], hiringManagers: [], panel: [], leftAt: new Array(count + 1).fill(Infinity) };
  const interviewers: number[] = [];
  order.forEach((n, i) => {
    const user = users[n - 1]!;
    if (i < recruiters) (user.role = 'recruiter'), staff.recruiters.push(n);
    else if (i < recruiters + coordinators) (user.role = 'coordinator'), staff.coordinators.push(n);
    else if (i < recruiters + coordinators + hiringManagers) (user.role = 'hiring_manager'), staff.hiringManagers.push(n);
    else (user.role = 'interviewer'), interviewers.push(n);
  });
  users[0]!.role = 'admin';
  // Pools in user order, so which user a drawn number lands on does not depend on the shuffle's order.
  for (const list of [staff.recruiters, staff.coordinators, staff.hiringManagers, interviewers]) list.sort((a, b) => a - b);
  staff.panel = [...interviewers, ...staff.hiringManagers].sort((a, b) => a - b);

  // A few interviewers left: only the interviews and scorecards from before their last day name them.
  const leaving = Math.min(interviewers.length - 1, Math.max(1, Math.round(count * 0.04)));
  for (const n of r.sample(interviewers, leaving)) {
    const user = users[n - 1]!;
    const left = REFERENCE_TIME - span + r.int(150, Math.floor(span / DAY) - 60) * DAY + r.int(0, DAY);
    user.disabled = true;
    user.updatedAt = left;
    staff.leftAt[n] = left;
  }
  for (const user of users) {
    if (!user.disabled) user.updatedAt = Math.max(user.createdAt, REFERENCE_TIME - r.int(1, 400) * DAY - r.int(0, DAY));
  }
  return staff;
}

/** The member of `pool` a number drawn in 1..users lands on: the draw stays in its stream, the role fits. */
export function fit(drawn: number, pool: readonly number[]): number {
  return pool[(drawn - 1) % pool.length]!;
}
