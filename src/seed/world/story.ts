import { Random, hash32 } from '../random.js';
import { DAY, REFERENCE_TIME } from '../reference-time.js';
import * as V from '../vocabulary.js';
import type {
  WorldActivity,
  WorldApplication,
  WorldCandidate,
  WorldEeoc,
  WorldInterview,
  WorldJob,
  WorldOffer,
  WorldOffice,
  WorldUser,
} from '../world.js';
import * as L from './letters.js';
import { layOut, snapBack, type Ending, type Step } from './timeline.js';
import { OUTCOME_RECOMMENDATIONS, scorecardAnswers } from './scorecards.js';
import type { Staff } from './staff.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** An application active at an interview stage whose last activity is this recent still has its interview ahead. */
const RECENT = 21 * DAY;
/** An interviewer sits on a panel only if they stay this long after it (to hand in their scorecard). */
const NOTICE = 14 * DAY;

export type CandidateStory = Pick<WorldCandidate, 'interviews' | 'scorecards' | 'offers' | 'activities' | 'eeoc'>;
type CandidateSoFar = Omit<WorldCandidate, keyof CandidateStory>;

export interface StoryWorld {
  users: WorldUser[];
  jobs: WorldJob[];
  offices: WorldOffice[];
  staff: Staff;
}


/** `Random.weighted` with the weights summed once: these are drawn hundreds of thousands of times. */
function chooser<T>(choices: readonly (readonly [number, T])[]): (r: Random) => T {
  const total = choices.reduce((sum, [w]) => sum + w, 0);
  let sum = 0;
  const bounds = choices.map(([w]) => (sum += w) / total);
  const values = choices.map(([, v]) => v);
  const last = values.length - 1;
  return (r) => {
    const x = r.next();
    for (let i = 0; i < last; i++) if (x < bounds[i]!) return values[i]!;
    return values[last]!;
  };
}
const RECOMMENDATION = {
  passed: chooser(OUTCOME_RECOMMENDATIONS.passed),
  failed: chooser(OUTCOME_RECOMMENDATIONS.failed),
  pending: chooser(OUTCOME_RECOMMENDATIONS.pending),
};
const NOTE_VISIBILITY = chooser([[0.7, 'public'], [0.25, 'private'], [0.05, 'admin_only']] as const);
const EEOC = {
  race: chooser(V.EEOC.race),
  gender: chooser(V.EEOC.gender),
  veteranStatus: chooser(V.EEOC.veteranStatus),
  disabilityStatus: chooser(V.EEOC.disabilityStatus),
};
const byTime = (x: WorldActivity, y: WorldActivity) => x.createdAt - y.createdAt;
/**
 * The empty address list every note and most emails share: a few hundred thousand fewer arrays to make. Frozen, so
 * a renderer that tried to add to one would fail loudly rather than change every activity.
 */
const NONE: string[] = Object.freeze([]) as unknown as string[];


/**
 * What happened on each candidate's applications: interviews, scorecards, offers, notes and emails, EEOC answers.
 * Everything is drawn from one stream of its own, in candidate order, so the candidates' existing fields (drawn from
 * theirs) are untouched; every event is dated inside its application's existing window (applied → last activity),
 * except interviews still ahead, which are scheduled a few days after the reference time.
 */
export class Storyteller {
  private readonly r: Random;
  /** By job n - 1: the job's stages that hold an interview, in pipeline order, with what that interview is. */
  private readonly steps: Step[][];
  private interviewN = 0;
  private scorecardN = 0;
  private offerN = 0;
  private activityN = 0;

  constructor(
    seed: number,
    accountId: string,
    private readonly world: StoryWorld,
  ) {
    this.r = new Random(hash32(`${seed}:${accountId}:story`));
    this.steps = world.jobs.map((j) => j.stages.filter((s) => s.interviewName !== null).map((stage) => ({ stage, ...V.STAGE_INTERVIEWS[stage.name]! })));
  }

  tell(c: CandidateSoFar, pinned: boolean): CandidateStory {
    const story: CandidateStory = { interviews: [], scorecards: [], offers: [], activities: [], eeoc: null };
    const emailing = (pinned || c.canEmail) && !c.tags.includes('Do Not Contact');
    for (const a of c.applications) this.application(c, a, story, emailing, pinned);

    const r = this.r;
    const first = c.applications[0];
    if (r.bool(0.12) && (c.recruiterN !== null || first)) {
      const author = c.recruiterN ?? this.world.jobs[first!.jobN - 1]!.recruiterN;
      const at = c.createdAt + Math.floor((c.updatedAt - c.createdAt) * r.next() * 0.5);
      story.activities.push(this.note(author, r.pick(V.NOTES.profile), at, null));
    }
    if (first && (pinned || r.bool(0.33))) story.eeoc = this.eeoc(first);

    // Numbered in time order, as a feed reads.
    if (story.activities.length > 1) story.activities.sort(byTime);
    for (const activity of story.activities) activity.n = ++this.activityN;
    return story;
  }

  private application(c: CandidateSoFar, a: WorldApplication, story: CandidateStory, emailing: boolean, pinned: boolean): void {
    const r = this.r;
    const { users, jobs } = this.world;
    const job = jobs[a.jobN - 1]!;
    const current = job.stages.find((s) => s.n === a.stageN)!;
    const position = current.position;
    const future = a.status === 'active' && current.interviewName !== null && a.lastActivityAt >= REFERENCE_TIME - RECENT;
    const ending: Ending =
      a.status === 'rejected' ? 'rejected'
      : a.status === 'hired' ? 'accepted'
      : position === job.stages.length - 1 ? 'offer'
      : future ? 'scheduled'
      : current.interviewName !== null ? 'awaiting'
      : 'none';
    const steps = this.steps[a.jobN - 1]!;

    const end = a.lastActivityAt;
    const { held, startOf, at, tailAt, offerOffsets, scheduledOffset } = layOut(r, a, ending, steps, position, future);

    const recruiter = users[job.recruiterN - 1]!;
    const organizerN = job.coordinatorN ?? job.recruiterN;
    const organizer = users[organizerN - 1]!;
    const candidateEmail = c.emails[0]!.address;
    const fromRecruiter = { candidate: c.firstName, title: job.title, sender: recruiter.firstName };
    const firstInterview = story.interviews.length;

    if (emailing && (pinned || r.bool(0.6))) {
      const sent = a.appliedAt + Math.min(r.int(10 * MINUTE, 8 * HOUR), Math.floor((end - a.appliedAt) * 0.1));
      story.activities.push(this.email(recruiter, candidateEmail, NONE, L.thanksForApplying(fromRecruiter, job.department), sent, a.n));
    }

    let previousEnd = a.appliedAt;
    let lastHeld: WorldInterview | null = null;
    for (let i = 0; i < held.length; i++) {
      const spec = held[i]!;
      const startAt = startOf(i);
      const endAt = startAt + spec.minutes * MINUTE;
      const next = i + 1 < held.length ? startOf(i + 1) : tailAt;
      const interviewers = this.panel(job, spec.panel, endAt + NOTICE);
      let createdAt = Math.max(previousEnd, startAt - r.int(DAY, 6 * DAY));
      if (r.bool(0.04) && startAt - previousEnd > 4 * HOUR) {
        // Cancelled and rescheduled: the first slot was booked, then called off before it came.
        const slot = startAt - Math.floor(Math.min(2 * DAY, (startAt - previousEnd) / 2));
        const booked = previousEnd + Math.floor((slot - previousEnd) * 0.3);
        const calledOff = booked + Math.floor((slot - booked) * 0.5);
        story.interviews.push(this.interview(a, spec, organizerN, interviewers.slice(), slot, slot + spec.minutes * MINUTE, 'cancelled', job, booked, calledOff));
        createdAt = calledOff;
      }
      const pending = ending === 'awaiting' && i === held.length - 1;
      const outcome = pending ? 'pending' : ending === 'rejected' && i === held.length - 1 ? 'failed' : 'passed';
      // Awaiting a decision: some of the panel may not have handed in feedback yet.
      const handedIn = pending && r.bool(0.65) ? r.int(0, interviewers.length - 1) : interviewers.length;
      const interview = this.interview(a, spec, organizerN, interviewers, startAt, endAt, handedIn < interviewers.length ? 'awaiting_feedback' : 'completed', job, createdAt, endAt);
      story.interviews.push(interview);
      for (let k = 0; k < handedIn; k++) {
        const submittedAt = endAt + Math.min(r.int(10 * MINUTE, 2 * DAY), Math.floor((next - endAt) * 0.6));
        const recommendation = RECOMMENDATION[outcome](r);
        story.scorecards.push({
          n: ++this.scorecardN,
          applicationN: a.n,
          interviewN: interview.n,
          interviewerN: interviewers[k]!,
          submittedAt,
          recommendation,
          answers: scorecardAnswers(r, spec.panel, recommendation),
          createdAt: Math.max(endAt, submittedAt - r.int(5, 40) * MINUTE),
          updatedAt: submittedAt,
        });
        interview.updatedAt = Math.max(interview.updatedAt, submittedAt);
      }
      previousEnd = endAt;
      lastHeld = interview;
    }

    if (ending === 'scheduled') {
      const spec = steps.find((step) => step.stage === current)!;
      const startAt = snapBack(REFERENCE_TIME + r.int(4, 10) * DAY, spec.minutes);
      const createdAt = Math.max(previousEnd, at(scheduledOffset));
      story.interviews.push(this.interview(a, spec, organizerN, this.panel(job, spec.panel, Infinity), startAt, startAt + spec.minutes * MINUTE, 'scheduled', job, createdAt, createdAt));
    }

    let invited: WorldInterview | undefined;
    for (let i = firstInterview; i < story.interviews.length && !invited; i++) if (story.interviews[i]!.status !== 'cancelled') invited = story.interviews[i];
    if (invited && emailing && (pinned || r.bool(0.5))) {
      const name = (held[0]?.stage ?? current).interviewName!;
      const letter = L.invitation({ ...fromRecruiter, sender: organizer.firstName }, name, invited.startAt, invited.location);
      const cc = organizerN === job.recruiterN ? NONE : [recruiter.email];
      story.activities.push(this.email(organizer, candidateEmail, cc, letter, invited.createdAt, a.n));
      if (r.bool(0.4)) {
        const replied = invited.createdAt + Math.min(r.int(20 * MINUTE, 20 * HOUR), Math.floor((Math.min(invited.startAt, end) - invited.createdAt) * 0.5));
        const { subject, body } = L.reply(letter, c.firstName, organizer.firstName);
        story.activities.push({
          n: 0,
          kind: 'email',
          authorN: null,
          from: candidateEmail,
          to: [organizer.email],
          cc: NONE,
          subject,
          body,
          visibility: 'public',
          createdAt: replied,
          applicationN: a.n,
        });
      }
    }

    if (lastHeld && (pinned || r.bool(0.35))) {
      const written = lastHeld.endAt + Math.min(r.int(HOUR, DAY), Math.floor((tailAt - lastHeld.endAt) * 0.8));
      story.activities.push(this.note(r.pick(lastHeld.interviewerNs), r.pick(V.NOTES.afterInterview), written, a.n));
    }

    const offers: WorldOffer[] = [];
    for (const o of offerOffsets) {
      const createdAt = Math.max(previousEnd, at(o.created));
      const sentAt = o.sent === null ? null : Math.max(createdAt, at(o.sent));
      const resolvedAt = o.resolved === null ? null : Math.max(sentAt!, at(o.resolved));
      const latest = o === offerOffsets[offerOffsets.length - 1];
      offers.push({
        n: ++this.offerN,
        applicationN: a.n,
        creatorN: job.recruiterN,
        status: !latest ? 'deprecated' : ending === 'accepted' ? 'accepted' : sentAt === null ? 'draft' : 'sent',
        version: offerOffsets.indexOf(o) + 1,
        createdAt,
        sentAt,
        resolvedAt,
        startDate: monday((resolvedAt ?? createdAt) + r.int(14, 42) * DAY),
        updatedAt: resolvedAt ?? sentAt ?? createdAt,
      });
      previousEnd = createdAt;
    }
    for (let i = 0; i + 1 < offers.length; i++) offers[i]!.updatedAt = offers[i + 1]!.createdAt;
    for (const o of offers) story.offers.push(o);
    const offer = offers[offers.length - 1];
    if (offer?.sentAt != null && emailing) {
      story.activities.push(this.email(recruiter, candidateEmail, NONE, L.offerLetter(fromRecruiter, offer.startDate), offer.sentAt, a.n));
    }
    if (offer?.status === 'accepted' && (pinned || r.bool(0.6))) {
      story.activities.push(this.note(job.hiringManagerN, r.pick(V.NOTES.hired), offer.resolvedAt!, a.n));
    }
    if (ending === 'rejected' && emailing && r.bool(0.7)) {
      story.activities.push(this.email(recruiter, candidateEmail, NONE, L.rejection(fromRecruiter), end, a.n));
    }
  }

  /** Who sits an interview: its job's recruiter or hiring manager, or interviewers still with the company by `until`. */
  private panel(job: WorldJob, panel: V.InterviewPanel, until: number): number[] {
    if (panel === 'recruiter') return [job.recruiterN];
    if (panel === 'hiring_manager') return [job.hiringManagerN];
    const r = this.r;
    const { panel: pool, leftAt } = this.world.staff;
    const out = panel === 'onsite' ? [job.hiringManagerN] : [];
    const want = out.length + (panel === 'onsite' ? 2 : 1) + (r.bool(0.25) ? 1 : 0);
    for (let tries = 0; out.length < want && tries < 12; tries++) {
      const n = pool[r.int(0, pool.length - 1)]!;
      if (leftAt[n]! > until && !out.includes(n)) out.push(n);
    }
    if (out.length === 0) out.push(job.hiringManagerN);
    return out;
  }

  private interview(
    a: WorldApplication,
    { stage, panel }: Step,
    organizerN: number,
    interviewerNs: number[],
    startAt: number,
    endAt: number,
    status: WorldInterview['status'],
    job: WorldJob,
    createdAt: number,
    updatedAt: number,
  ): WorldInterview {
    const office = this.world.offices[job.officeN - 1]!;
    const inPerson = panel === 'onsite' ? !office.isRemote : panel !== 'recruiter' && !office.isRemote && this.r.bool(0.15);
    return {
      n: ++this.interviewN,
      applicationN: a.n,
      stageN: stage.n,
      organizerN,
      interviewerNs,
      startAt,
      endAt,
      status,
      location: panel === 'recruiter' ? 'Phone call' : inPerson ? office.name : this.r.pick(V.VIDEO_LOCATIONS),
      createdAt,
      updatedAt,
    };
  }

  private note(authorN: number, body: string, createdAt: number, applicationN: number | null): WorldActivity {
    const visibility = NOTE_VISIBILITY(this.r);
    return { n: 0, kind: 'note', authorN, from: null, to: NONE, cc: NONE, subject: null, body, visibility, createdAt, applicationN };
  }

  private email(from: WorldUser, to: string, cc: string[], { subject, body }: L.Letter, createdAt: number, applicationN: number): WorldActivity {
    return { n: 0, kind: 'email', authorN: from.n, from: from.email, to: [to], cc, subject, body, visibility: 'public', createdAt, applicationN };
  }

  private eeoc(a: WorldApplication): WorldEeoc {
    const r = this.r;
    return {
      applicationN: a.n,
      race: EEOC.race(r),
      gender: EEOC.gender(r),
      veteranStatus: EEOC.veteranStatus(r),
      disabilityStatus: EEOC.disabilityStatus(r),
      // Answered on the application form, a moment after applying.
      submittedAt: a.appliedAt + Math.min(r.int(MINUTE, 15 * MINUTE), a.lastActivityAt - a.appliedAt),
    };
  }
}

/** The Monday on or after `t`, at 00:00 UTC: offers start on a Monday. */
function monday(t: number): number {
  const day = Math.floor(t / DAY);
  return (day + ((8 - ((day + 4) % 7)) % 7)) * DAY;
}
