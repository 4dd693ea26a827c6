import { iso } from '../../seed/reference-time.js';
import { fmix32, hash32 } from '../../seed/random.js';
import type { World, WorldCandidate, WorldRecommendation } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { uuid } from './ids.js';
import { noteRecord } from './records.js';
import type { AshbyUser } from './raw.js';
import { SCHEDULE_STATUS, type AshbyInterviewSchedule } from './shapes/interviews.js';
import type { AshbyInterviewStage } from './shapes/job-stages.js';
import type { AshbyNote } from './shapes/activities.js';
import type { AshbyOffer } from './shapes/offers.js';
import { RECOMMENDATION_PATH, type AshbyFeedback, type FormField } from './shapes/scorecards.js';

/** What a candidate's stories need of the records already made. */
export interface StoryContext {
  world: World;
  salt: string;
  users: AshbyUser[];
  candidateId: string;
  appIds: ReadonlyMap<number, string>;
  jobIds: readonly string[];
  stages: ReadonlyMap<number, AshbyInterviewStage>;
}

const SCORE: Record<WorldRecommendation, number | null> = { definitely_not: 1, no: 2, yes: 3, strong_yes: 4, no_decision: null };
const OFFER: Record<string, Pick<AshbyOffer, 'acceptanceStatus' | 'offerStatus'>> = {
  draft: { acceptanceStatus: 'Created', offerStatus: 'WaitingOnOfferApproval' },
  sent: { acceptanceStatus: 'Pending', offerStatus: 'WaitingOnCandidateResponse' },
  accepted: { acceptanceStatus: 'Accepted', offerStatus: 'CandidateAccepted' },
  declined: { acceptanceStatus: 'Declined', offerStatus: 'CandidateRejected' },
  deprecated: { acceptanceStatus: 'Cancelled', offerStatus: 'OfferCancelled' },
};

/** The interview (definition) held at a stage, and its feedback form: one per stage, shared by its schedules. */
const interviewIdOf = (salt: string, stageN: number) => uuid(salt, 'interview', stageN);
const formIdOf = (salt: string, stageN: number) => uuid(salt, 'feedbackForm', stageN);

/** A candidate's interview schedules, feedback, offers and notes, as Ashby's list calls answer them. */
export function* candidateStories(c: WorldCandidate, ctx: StoryContext): Generator<SeedRecord> {
  const { world, salt, users, candidateId } = ctx;
  const appOf = (n: number) => c.applications.find((a) => a.n === n)!;
  const jobIdOf = (applicationN: number) => ctx.jobIds[appOf(applicationN).jobN - 1]!;
  const refs = (applicationN: number) => ({ candidate: candidateId, application: ctx.appIds.get(applicationN)!, job: jobIdOf(applicationN) });

  const interviewStage = new Map<number, number>();
  for (const i of c.interviews) {
    interviewStage.set(i.n, i.stageN);
    const { stage } = world.stages.get(i.stageN)!;
    const id = uuid(salt, 'interviewSchedule', i.n);
    const eventId = uuid(salt, 'interviewEvent', i.n);
    const raw: AshbyInterviewSchedule = {
      id,
      status: SCHEDULE_STATUS[i.status],
      applicationId: ctx.appIds.get(i.applicationN)!,
      interviewStageId: ctx.stages.get(i.stageN)!.id,
      interviewEvents: [
        {
          id: eventId,
          interviewId: interviewIdOf(salt, i.stageN),
          interviewScheduleId: id,
          interviewerUserIds: i.interviewerNs.map((n) => users[n - 1]!.id),
          createdAt: iso(i.createdAt),
          startTime: iso(i.startAt),
          endTime: iso(i.endAt),
          feedbackLink: `https://app.ashbyhq.com/interview-briefings/${eventId}/feedback`,
          location: i.location,
          hasSubmittedFeedback: i.status === 'completed',
          interview: {
            id: interviewIdOf(salt, i.stageN),
            title: stage.interviewName ?? stage.name,
            isArchived: false,
            isDebrief: false,
            instructionsHtml: null,
            instructionsPlain: null,
            jobId: jobIdOf(i.applicationN),
            feedbackFormDefinitionId: formIdOf(salt, i.stageN),
          },
        },
      ],
    };
    yield { kind: 'interview_schedule', record: { id, refs: refs(i.applicationN), created_at: iso(i.createdAt), updated_at: iso(i.updatedAt), raw: JSON.stringify(raw) } };
  }

  for (const s of c.scorecards) {
    const stageN = interviewStage.get(s.interviewN)!;
    const score = SCORE[s.recommendation];
    const fields: FormField[] = [
      formField(salt, stageN, RECOMMENDATION_PATH, 'Score', 'Overall Recommendation', true),
      ...s.answers.map((a) => formField(salt, stageN, uuid(salt, `feedbackField:${stageN}`, a.label), a.kind === 'rating' ? 'ValueSelect' : 'LongText', a.label, false)),
    ];
    const raw: AshbyFeedback = {
      id: uuid(salt, 'feedback', s.n),
      formDefinition: { sections: [{ fields }] },
      submittedValues: {
        [RECOMMENDATION_PATH]: score === null ? null : { score },
        ...Object.fromEntries(s.answers.map((a, k) => [fields[k + 1]!.field.path, a.value])),
      },
      submittedByUser: users[s.interviewerN - 1]!,
      interviewId: interviewIdOf(salt, stageN),
      feedbackFormDefinitionId: formIdOf(salt, stageN),
      applicationHistoryId: uuid(salt, 'applicationHistory', `${s.applicationN}:${stageN}`),
      applicationId: ctx.appIds.get(s.applicationN)!,
      submittedAt: iso(s.submittedAt),
    };
    yield { kind: 'feedback', record: { id: raw.id, refs: refs(s.applicationN), created_at: raw.submittedAt, updated_at: iso(s.updatedAt), raw: JSON.stringify(raw) } };
  }

  for (const o of c.offers) {
    const id = uuid(salt, 'offer', o.n);
    const raw: AshbyOffer = {
      id,
      decidedAt: o.resolvedAt === null ? null : iso(o.resolvedAt),
      applicationId: ctx.appIds.get(o.applicationN)!,
      ...OFFER[o.status]!,
      latestVersion: {
        id: uuid(salt, 'offerVersion', o.n),
        startDate: iso(o.startDate).slice(0, 10),
        // The world keeps no pay: a round figure drawn from the offer's id.
        salary: { currencyCode: 'USD', value: 90_000 + (fmix32(hash32(id)) % 70) * 1_000 },
        createdAt: iso(o.createdAt),
        customFields: [],
        fileHandles: [],
        author: users[o.creatorN - 1]!,
      },
    };
    yield { kind: 'offer', record: { id, refs: refs(o.applicationN), created_at: iso(o.createdAt), updated_at: iso(o.updatedAt), raw: JSON.stringify(raw) } };
  }

  for (const a of c.activities) {
    if (a.kind !== 'note' || a.authorN === null) continue;
    const u = users[a.authorN - 1]!;
    const raw: AshbyNote = {
      id: uuid(salt, 'note', a.n),
      createdAt: iso(a.createdAt),
      isPrivate: a.visibility !== 'public',
      content: a.body,
      author: { id: u.id, firstName: u.firstName, lastName: u.lastName, email: u.email },
    };
    yield { kind: 'note', record: noteRecord(raw, candidateId) };
  }
}

function formField(salt: string, stageN: number, path: string, type: string, title: string, isRequired: boolean): FormField {
  const system = path === RECOMMENDATION_PATH;
  return {
    isRequired,
    field: { id: system ? uuid(salt, `feedbackField:${stageN}`, path) : path, type, path, humanReadablePath: system ? title : '', title, isNullable: !isRequired },
  };
}
