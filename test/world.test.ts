import { createHash } from 'node:crypto';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { DAY, REFERENCE_TIME } from '../src/seed/reference-time.js';
import * as V from '../src/seed/vocabulary.js';
import { buildWorld, type World, type WorldCandidate } from '../src/seed/world.js';

/**
 * The integration-neutral world on its own (issue 12 §2): every number it hands out resolves, dates follow each
 * application's story, people do what their role says, and what the world produced before the story was added is
 * unchanged.
 */
const ACCOUNTS = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts;
const GH = ACCOUNTS.find((a) => a.integration === 'greenhouse')!;
const LEVER = ACCOUNTS.find((a) => a.integration === 'lever')!;
const pinnedOf = (a: typeof GH) => a.pinned?.candidates ?? [];

const all = (world: World) => [...world.candidates()];
const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Every rule of a world that hangs together; answers the broken ones, named. */
function problems(world: World, candidates: WorldCandidate[]): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && out.length < 50) out.push(what);
  };
  const { users, jobs } = world;
  const user = (n: number | null) => (n === null ? undefined : users[n - 1]);
  const hasRole = (n: number | null, ...roles: string[]) => {
    const u = user(n);
    return u !== undefined && u.n === n && roles.includes(u.role);
  };
  const leftAt = (n: number) => (users[n - 1]!.disabled ? users[n - 1]!.updatedAt : Infinity);

  // People
  check(users.filter((u) => u.role === 'admin').length === 1 && users[0]!.role === 'admin', 'user 1 is the one admin');
  for (const role of ['recruiter', 'coordinator', 'hiring_manager', 'interviewer']) {
    check(users.some((u) => u.role === role && !u.disabled), `an active ${role}`);
  }
  check(users.some((u) => u.disabled), 'someone left');
  for (const u of users) {
    check(u.updatedAt >= u.createdAt && u.updatedAt <= REFERENCE_TIME, `user ${u.n}: updatedAt in range`);
    check(!u.disabled || u.role === 'interviewer', `user ${u.n}: only interviewers leave`);
  }

  // Organization
  const { departments, offices, tags } = world;
  departments.forEach((d, i) => {
    check(d.n === i + 1, `department ${d.n} numbered in order`);
    const parent = d.parentN === null ? null : departments[d.parentN - 1];
    check(parent !== undefined && (parent === null || parent.parentN === null), `department ${d.n}: parent is a top-level department`);
  });
  offices.forEach((o, i) => {
    check(o.n === i + 1, `office ${o.n} numbered in order`);
    check(o.parentN === null || offices[o.parentN - 1]?.parentN === null, `office ${o.n}: parent is a region`);
    check(o.isRemote === o.name.startsWith('Remote'), `office ${o.n}: isRemote`);
  });
  check(offices.filter((o) => o.isRemote).length >= 1, 'a remote office');
  const tagNames = new Set(tags.map((g) => g.name));
  const firstJob = Math.min(...jobs.map((j) => j.createdAt));
  for (const x of [...departments, ...offices, ...tags]) check(x.createdAt < firstJob, `${x.name}: created before the first job`);

  // Jobs, stages, forms
  let questionN = 0;
  for (const job of jobs) {
    check(departments[job.departmentN - 1]?.name === job.department, `job ${job.n}: departmentN names its department`);
    check(offices[job.officeN - 1]?.name === job.office, `job ${job.n}: officeN names its office`);
    check(hasRole(job.hiringManagerN, 'hiring_manager'), `job ${job.n}: hiring manager's role`);
    check(hasRole(job.recruiterN, 'recruiter'), `job ${job.n}: recruiter's role`);
    check(job.coordinatorN === null || hasRole(job.coordinatorN, 'coordinator'), `job ${job.n}: coordinator's role`);
    for (const s of job.stages) {
      const spec = V.STAGE_INTERVIEWS[s.name];
      check(s.interviewName === (spec?.name ?? null) && s.interviewMinutes === (spec?.minutes ?? null), `stage ${s.n}: interview`);
      check(world.stages.get(s.n)?.jobN === job.n, `stage ${s.n}: in the stage map`);
    }
    check(job.stages[job.stages.length - 1]!.name === 'Offer', `job ${job.n}: ends at Offer`);
    const keys = job.questions.map((q) => q.key);
    check(keys.slice(0, 6).join() === 'first_name,last_name,email,phone,resume,cover_letter', `job ${job.n}: basic fields first`);
    const own = job.questions.slice(6);
    check(own.length >= 1 && own.length <= 4 && own.every((q) => q.key === null && q.group === 'Questions'), `job ${job.n}: 1-4 own questions`);
    check(new Set(job.questions.map((q) => q.label)).size === job.questions.length, `job ${job.n}: no question twice`);
    for (const q of job.questions) {
      check(q.n === ++questionN, `question ${q.n}: numbered in job order`);
      check((q.options.length > 0) === ['dropdown', 'radio', 'checkbox'].includes(q.type), `question ${q.n}: options iff a choice`);
    }
  }

  // Candidates and their stories
  const n = { interview: 0, scorecard: 0, offer: 0, activity: 0 };
  for (const c of candidates) {
    const who = c.pinnedId ?? `candidate ${c.n}`;
    check(c.recruiterN === null || hasRole(c.recruiterN, 'recruiter'), `${who}: recruiter's role`);
    check(c.coordinatorN === null || hasRole(c.coordinatorN, 'coordinator'), `${who}: coordinator's role`);
    check(c.tags.every((g) => tagNames.has(g)), `${who}: tags are the account's tags`);
    const apps = new Map(c.applications.map((a) => [a.n, a]));
    const interviews = new Map(c.interviews.map((i) => [i.n, i]));
    const dated: number[] = [];

    for (const a of c.applications) {
      const job = jobs[a.jobN - 1]!;
      check(a.creditedToN === job.recruiterN, `application ${a.n}: credited to its job's recruiter`);
      const current = job.stages.find((s) => s.n === a.stageN)!;
      const mine = c.interviews.filter((i) => i.applicationN === a.n);
      const held = mine.filter((i) => i.status === 'completed' || i.status === 'awaiting_feedback');
      // Every interview stage the application went through has its interview, once.
      const through = job.stages.filter(
        (s) => s.interviewName !== null && (s.position < current.position || (s.position === current.position && a.status !== 'active')),
      );
      // ...unless it was moved along at once, too fast for any interview to fit (data imported, say).
      const upTo = job.stages.filter((s) => s.interviewName !== null && s.position <= current.position);
      const tooShort = a.lastActivityAt - a.appliedAt < upTo.reduce((ms, s) => ms + (s.interviewMinutes! + 30) * 60_000, 0);
      if (held.length > 0 || !tooShort) check(through.every((s) => held.filter((i) => i.stageN === s.n).length === 1), `application ${a.n}: one interview per stage passed`);
      const ahead = mine.filter((i) => i.status === 'scheduled');
      check(ahead.every((i) => i.stageN === a.stageN && a.status === 'active'), `application ${a.n}: only the current stage is ahead`);
      check(held.length + ahead.length <= job.stages.filter((s) => s.interviewName !== null && s.position <= current.position).length, `application ${a.n}: no interview past its stage`);
      const lastEnd = Math.max(a.appliedAt, ...held.map((i) => i.endAt));
      if (a.rejectedAt !== undefined) check(a.rejectedAt >= lastEnd, `application ${a.n}: rejected after its last interview`);
      const offers = c.offers.filter((o) => o.applicationN === a.n);
      const atOffer = current.position === job.stages.length - 1;
      check(atOffer ? a.status === 'rejected' || offers.length > 0 : offers.length === 0, `application ${a.n}: offers iff at Offer`);
      offers.forEach((o, i) => {
        const latest = i === offers.length - 1;
        check(o.version === i + 1, `offer ${o.n}: version`);
        check(o.creatorN === job.recruiterN, `offer ${o.n}: created by the job's recruiter`);
        const want = !latest ? ['deprecated'] : a.status === 'hired' ? ['accepted'] : a.status === 'rejected' ? ['declined'] : ['sent', 'draft'];
        check(want.includes(o.status), `offer ${o.n}: ${o.status} on a ${a.status} application`);
        check(o.createdAt >= lastEnd && (o.sentAt === null) === (o.status === 'draft'), `offer ${o.n}: after the interviews; sent unless draft`);
        check((o.resolvedAt !== null) === (o.status === 'accepted' || o.status === 'declined'), `offer ${o.n}: resolved iff accepted or declined`);
        check(o.createdAt <= (o.sentAt ?? o.createdAt) && (o.sentAt ?? o.createdAt) <= (o.resolvedAt ?? Infinity), `offer ${o.n}: created, sent, resolved in order`);
        check(i === 0 || o.createdAt >= offers[i - 1]!.sentAt!, `offer ${o.n}: a new version after the last was sent`);
        check(o.updatedAt === (latest ? (o.resolvedAt ?? o.sentAt ?? o.createdAt) : offers[i + 1]!.createdAt), `offer ${o.n}: updatedAt`);
        check(o.startDate % DAY === 0 && new Date(o.startDate).getUTCDay() === 1 && o.startDate > (o.resolvedAt ?? o.createdAt), `offer ${o.n}: starts on a later Monday`);
        dated.push(o.createdAt, o.updatedAt, o.sentAt ?? o.createdAt, o.resolvedAt ?? o.createdAt);
        check(o.n === ++n.offer, `offer ${o.n}: numbered in order`);
      });
    }

    for (const i of c.interviews) {
      const a = apps.get(i.applicationN);
      check(a !== undefined, `interview ${i.n}: its application is the candidate's`);
      if (!a) continue;
      const job = jobs[a.jobN - 1]!;
      const stage = job.stages.find((s) => s.n === i.stageN);
      check(stage !== undefined && stage.interviewName !== null, `interview ${i.n}: at an interview stage of the job`);
      check(i.interviewerNs.length > 0 && new Set(i.interviewerNs).size === i.interviewerNs.length, `interview ${i.n}: interviewers, each once`);
      const panel = stage ? V.STAGE_INTERVIEWS[stage.name]!.panel : 'recruiter';
      const roles = panel === 'recruiter' ? ['recruiter'] : panel === 'hiring_manager' ? ['hiring_manager'] : ['interviewer', 'hiring_manager'];
      check(i.interviewerNs.every((u) => hasRole(u, ...roles) && leftAt(u) > i.endAt), `interview ${i.n}: interviewers fit the panel and were still there`);
      check(i.interviewerNs.every((u) => !users[u - 1]!.disabled) || i.status !== 'scheduled', `interview ${i.n}: no one who left is scheduled`);
      check(i.organizerN === (job.coordinatorN ?? job.recruiterN), `interview ${i.n}: organized by the job's coordinator or recruiter`);
      check(i.endAt > i.startAt && i.createdAt >= a.appliedAt && i.createdAt <= i.startAt && i.updatedAt >= i.createdAt, `interview ${i.n}: created, held, updated in order`);
      if (i.status === 'scheduled') {
        check(i.startAt > REFERENCE_TIME && i.startAt < REFERENCE_TIME + 14 * DAY && i.createdAt <= a.lastActivityAt, `interview ${i.n}: scheduled a few days ahead`);
      } else {
        check(i.startAt >= a.appliedAt && i.endAt <= a.lastActivityAt, `interview ${i.n}: held within its application's window`);
        dated.push(i.startAt, i.endAt);
      }
      if (i.status === 'cancelled') check(i.updatedAt <= i.startAt, `interview ${i.n}: called off before it came`);
      const cards = c.scorecards.filter((s) => s.interviewN === i.n);
      const expected = i.status === 'completed' ? i.interviewerNs.length : i.status === 'awaiting_feedback' ? -1 : 0;
      check(expected === -1 ? cards.length < i.interviewerNs.length : cards.length === expected, `interview ${i.n}: ${i.status} with ${cards.length} scorecards`);
      dated.push(i.createdAt, i.updatedAt);
      check(i.n === ++n.interview, `interview ${i.n}: numbered in order`);
    }

    for (const s of c.scorecards) {
      const i = interviews.get(s.interviewN);
      check(i !== undefined && (i.status === 'completed' || i.status === 'awaiting_feedback'), `scorecard ${s.n}: on a held interview of the candidate`);
      if (!i) continue;
      check(s.applicationN === i.applicationN && i.interviewerNs.includes(s.interviewerN), `scorecard ${s.n}: by one of its interviewers`);
      check(s.createdAt >= i.endAt && s.createdAt <= s.submittedAt && s.updatedAt === s.submittedAt, `scorecard ${s.n}: written after the interview`);
      check(s.submittedAt <= apps.get(s.applicationN)!.lastActivityAt && s.submittedAt < leftAt(s.interviewerN), `scorecard ${s.n}: submitted in the window`);
      check(s.answers.length >= 4 && s.answers.at(-1)!.kind === 'text', `scorecard ${s.n}: ratings and take-aways`);
      dated.push(s.createdAt, s.submittedAt);
      check(s.n === ++n.scorecard, `scorecard ${s.n}: numbered in order`);
    }

    const addresses = new Set(c.emails.map((e) => e.address));
    let previous = -Infinity;
    for (const x of c.activities) {
      check(x.createdAt >= previous, `activity ${x.n}: in time order`);
      previous = x.createdAt;
      const a = x.applicationN === null ? undefined : apps.get(x.applicationN);
      check(x.applicationN === null || a !== undefined, `activity ${x.n}: its application is the candidate's`);
      check(x.createdAt >= (a?.appliedAt ?? c.createdAt) && x.createdAt <= (a?.lastActivityAt ?? c.updatedAt), `activity ${x.n}: within its story`);
      if (x.kind === 'note') {
        check(user(x.authorN) !== undefined && x.from === null && x.to.length === 0 && x.subject === null && x.body.length > 0, `note ${x.n}: by a user`);
        check(x.authorN === null || leftAt(x.authorN) > x.createdAt, `note ${x.n}: written while the author was there`);
      } else if (x.authorN === null) {
        check(x.from !== null && addresses.has(x.from) && x.to.length === 1 && users.some((u) => u.email === x.to[0]), `email ${x.n}: from the candidate to a user`);
      } else {
        check(x.from === user(x.authorN)?.email && x.to.length === 1 && addresses.has(x.to[0]!) && !!x.subject, `email ${x.n}: from its user to the candidate`);
        check(hasRole(x.authorN, 'recruiter', 'coordinator'), `email ${x.n}: sent by a recruiter or coordinator`);
      }
      dated.push(x.createdAt);
      check(x.n === ++n.activity, `activity ${x.n}: numbered in order`);
    }
    if (c.tags.includes('Do Not Contact') && !c.pinnedId) check(c.activities.every((x) => x.kind === 'note'), `${who}: not emailed`);

    if (c.eeoc) {
      const a = apps.get(c.eeoc.applicationN);
      check(a !== undefined && c.eeoc.submittedAt >= a.appliedAt && c.eeoc.submittedAt <= a.lastActivityAt, `${who}: EEOC answered with an application`);
      for (const [field, table] of Object.entries(V.EEOC)) {
        check(table.some(([, v]) => v === c.eeoc![field as keyof typeof V.EEOC]), `${who}: EEOC ${field} is one of Greenhouse's answers`);
      }
      dated.push(c.eeoc.submittedAt);
    }
    check(dated.every((d) => d >= c.createdAt && d <= c.lastActivityAt && d <= c.updatedAt && d <= REFERENCE_TIME), `${who}: every dated event inside the candidate's story`);
  }
  return out;
}

const ghWorld = () => buildWorld(1, GH.id, 300, pinnedOf(GH));

t.test('a 300-candidate world hangs together (Greenhouse account, seed 1)', async (t) => {
  const world = ghWorld();
  const candidates = all(world);
  t.strictSame(problems(world, candidates), []);

  const count = <T>(items: T[], key: (x: T) => string) => items.reduce<Record<string, number>>((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});
  const interviews = count(candidates.flatMap((c) => c.interviews), (i) => i.status);
  t.ok(interviews.completed! > 300 && interviews.awaiting_feedback! > 20 && interviews.cancelled! > 5 && interviews.scheduled! > 0, `every interview status: ${JSON.stringify(interviews)}`);
  const offers = count(candidates.flatMap((c) => c.offers), (o) => o.status);
  t.ok(offers.accepted! > 10 && offers.sent! > 2 && offers.draft! > 2 && offers.deprecated! > 2, `offer statuses: ${JSON.stringify(offers)}`);
  // A funnel: of the applications still in the pipeline or rejected from it (not the pinned ones, which show every
  // stage), about 55% stopped at the first stage, and each stage holds fewer than the one before it.
  const position = new Map([...world.stages.values()].map(({ stage }) => [stage.n, stage.position]));
  const drawn = candidates.filter((c) => !c.pinnedId).flatMap((c) => c.applications).filter((a) => a.status !== 'hired');
  const at = [0, 1, 2, 3].map((p) => drawn.filter((a) => position.get(a.stageN) === p).length);
  t.ok(at[0]! > 0.45 * drawn.length && at[0]! < 0.65 * drawn.length && at[0]! > at[1]! && at[1]! > at[2]! && at[2]! > at[3]!, `applications by stage: ${at.join(', ')} of ${drawn.length}`);
  const activities = count(candidates.flatMap((c) => c.activities), (x) => (x.kind === 'email' && x.authorN === null ? 'reply' : x.kind));
  t.ok(activities.note! > 50 && activities.email! > 200 && activities.reply! > 30, `notes, emails, replies: ${JSON.stringify(activities)}`);
  const withEeoc = candidates.filter((c) => c.eeoc).length;
  t.ok(withEeoc > 75 && withEeoc < 135, `about a third answered EEOC (${withEeoc})`);
  const roles = count(world.users, (u) => u.role);
  t.strictSame(roles, { admin: 1, recruiter: 2, coordinator: 1, hiring_manager: 2, interviewer: 5 }, '11 users in believable proportions');
  t.strictSame(
    world.departments.filter((d) => d.parentN !== null).map((d) => `${world.departments[d.parentN! - 1]!.name} > ${d.name}`).slice(0, 3),
    ['Research & Development > Engineering', 'Research & Development > Data', 'Research & Development > Product'],
  );
  t.equal(world.offices.find((o) => o.name === 'San Francisco, CA')!.parentN, world.offices.find((o) => o.name === 'North America')!.n);
  t.strictSame(world.tags.map((g) => g.name), V.TAGS);
  const types = new Set(world.jobs.flatMap((j) => j.questions.map((q) => q.type)));
  t.strictSame([...types].sort(), ['checkbox', 'date', 'dropdown', 'file', 'number', 'radio', 'text', 'textarea'], 'forms ask every kind of question');
});

t.test('other accounts, seeds and sizes hang together too', async (t) => {
  for (const [seed, account, size] of [[7, LEVER, 400], [3, GH, 10], [2, GH, 1], [5, GH, 5000]] as const) {
    const world = buildWorld(seed, account.id, size, pinnedOf(account));
    t.strictSame(problems(world, all(world)), [], `seed ${seed}, ${account.integration}, ${size} candidates`);
  }
});

t.test('the pinned candidates have believable records of every kind', async (t) => {
  const [ada, grace, alan, zoe] = all(ghWorld());
  t.equal(ada!.pinnedId, '9000001003');
  const [open, rejected] = ada!.applications;
  t.equal(rejected!.status, 'rejected');
  for (const a of [open!, rejected!]) {
    t.ok(ada!.interviews.some((i) => i.applicationN === a.n), `Ada has interviews on application ${a.pinnedId}`);
    t.ok(ada!.scorecards.some((s) => s.applicationN === a.n), `and scorecards`);
  }
  t.ok(ada!.activities.some((x) => x.kind === 'note'), 'Ada has a note');
  t.ok(ada!.activities.some((x) => x.kind === 'email' && x.to.includes('ada.lovelace@example.com')), 'and an email');
  const last = ada!.interviews.filter((i) => i.applicationN === rejected!.n).at(-1)!;
  t.ok(rejected!.rejectedAt! > last.endAt, 'her rejection came after her last interview');

  t.equal(alan!.applications[0]!.status, 'hired');
  t.strictSame(alan!.offers.map((o) => o.status), ['accepted'], 'Alan accepted an offer');
  t.ok(alan!.offers[0]!.resolvedAt! <= alan!.applications[0]!.lastActivityAt);
  for (const c of [ada, grace, alan, zoe]) t.ok(c!.eeoc !== null, `${c!.firstName} answered EEOC`);
});

t.test('the same seed builds the same world', async (t) => {
  const a = ghWorld();
  const b = ghWorld();
  const { candidates: _a, stages: sa, ...restA } = a;
  const { candidates: _b, stages: sb, ...restB } = b;
  t.strictSame(restA, restB);
  t.strictSame([...sa], [...sb]);
  t.strictSame(all(a), all(b));
  const other = buildWorld(2, GH.id, 300, pinnedOf(GH));
  t.not(sha(all(other).map((c) => c.interviews)), sha(all(a).map((c) => c.interviews)), 'another seed tells other stories');
});

t.test('what the world held before its stories is unchanged (hashes from 626fd2e)', async (t) => {
  const world = ghWorld();
  const first = all(world).slice(0, 200);
  // The user references (`recruiterN`, `coordinatorN`, `creditedToN`, jobs' hiring managers and recruiters) moved
  // onto users of the fitting role, and the applications' stages onto a funnel (each stands for 0 here: the hash is
  // the one the world made before the funnel, with its stages left out); everything else drawn before is byte for
  // byte what it was.
  const candidate = (c: WorldCandidate) => [
    c.n, c.pinnedId, c.firstName, c.lastName, c.company, c.title, c.emails, c.phones, c.addresses, c.websites, c.socials, c.tags,
    c.educations, c.employments, c.isPrivate, c.canEmail, c.createdAt, c.updatedAt, c.lastActivityAt, 0,
    c.applications.map((a) => [a.n, a.pinnedId, a.jobN, 0, a.status, a.appliedAt, a.rejectedAt, a.rejectReasonN, a.sourceN, 0, a.lastActivityAt]),
    c.attachments.map((a) => [a.n, a.pinnedId, a.kind, a.subtype, a.fileName, a.createdAt, a.applicationN]),
  ];
  t.equal(sha(first.map(candidate)), 'b755f6d4a1fe269d70e7ae5751a5d1e017fa27be8aed0a20539e4d451f10f875', 'candidates, applications, attachments');
  // Pinned candidates keep the even draw over the stages: their stages are what they were before the funnel.
  const pinned = first.filter((c) => c.pinnedId).map((c) => c.applications.map((a) => a.stageN));
  t.strictSame(pinned, [[3, 8], [4], [6], [16, 8, 2]], 'pinned candidates: the stages they had before the funnel');
  t.equal(
    sha(world.jobs.map((j) => [j.n, j.title, j.department, j.office, j.status, j.createdAt, j.updatedAt, j.stages.map((s) => [s.n, s.name, s.position]), 0])),
    '6f394d0c2b663dd5a2ad9f5f3ef064ddde26f0f9f8468f762a75f8c02a859636',
    'jobs and stages',
  );
  t.equal(sha(world.users.map((u) => [u.n, u.firstName, u.lastName, u.email, u.createdAt])), 'bce29d1e8f0dce46bda2c1d80f888e55b581cff93890bb7d5ed99df3272e1a92', 'users');
  t.equal(sha(world.sources), '06d1dfc82ada9056f17ac4707bdf5f9fc090669926a22bdae43e673d8680b685', 'sources');
  t.equal(sha(world.rejectReasons), '2bb4d601b906b8a24eafe9d786376c7ee818e7745182e9cccfed7b4d5b00f63b', 'reject reasons');
});
