import { Type, type Static } from '@sinclair/typebox';
import type { Scorecard } from '../../../model/scorecard.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldCandidate, WorldScorecard } from '../../../seed/world.js';
import { ids } from '../ids.js';
import {
  GreenhouseUserRef, HarvestDate, Id, Nullable, NullableString, applicationId, applicationOf, candidateId, remote, userRef,
} from './common.js';

const RATINGS = ['definitely_not', 'no', 'mixed', 'yes', 'strong_yes', 'no_decision'] as const;
type Rating = (typeof RATINGS)[number];
const Recommendation = Type.Union(['definitely_not', 'no', 'yes', 'strong_yes', 'no_decision'].map((r) => Type.Literal(r)));

/** `GET /v1/scorecards`, `GET /v1/applications/{id}/scorecards`, `GET /v1/scorecards/{id}`. */
export const GreenhouseScorecard = Type.Object(
  {
    id: Id,
    updated_at: HarvestDate,
    created_at: HarvestDate,
    /** The interview's name, a string; the object is `interview_step`. */
    interview: Type.String(),
    interview_step: Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }),
    candidate_id: Id,
    application_id: Id,
    interviewed_at: HarvestDate,
    submitted_by: GreenhouseUserRef,
    interviewer: GreenhouseUserRef,
    submitted_at: HarvestDate,
    overall_recommendation: Recommendation,
    attributes: Type.Array(
      Type.Object(
        { name: Type.String(), type: Type.String(), note: NullableString, rating: Type.Union(RATINGS.map((r) => Type.Literal(r))) },
        { additionalProperties: false },
      ),
    ),
    ratings: Type.Object(
      {
        definitely_not: Type.Array(Type.String()),
        no: Type.Array(Type.String()),
        mixed: Type.Array(Type.String()),
        yes: Type.Array(Type.String()),
        strong_yes: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    questions: Type.Array(
      Type.Object({ id: Nullable(Id), question: Type.String(), answer: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type GreenhouseScorecard = Static<typeof GreenhouseScorecard>;

/** Greenhouse's built-in scorecard questions have no id. */
const BUILT_IN = new Set(['Key Take-Aways', 'Private Notes']);
/** The world does not group attributes; Greenhouse's default scorecard puts them under "Skills". */
const ATTRIBUTE_TYPE = 'Skills';

/**
 * The interviewer submits their own scorecard. A rating answer outside Harvest's words counts as `no_decision`.
 */
export function toHarvestScorecard(scorecard: WorldScorecard, candidate: WorldCandidate, world: World): GreenhouseScorecard {
  return fromStoredScorecard(storedScorecard(scorecard, candidate, world));
}

/** The scorecard as the store keeps it (below), made from the world. */
export function storedScorecard(scorecard: WorldScorecard, candidate: WorldCandidate, world: World): StoredScorecard {
  const application = applicationOf(candidate, scorecard.applicationN);
  const interview = candidate.interviews.find((i) => i.n === scorecard.interviewN);
  if (!interview) throw new Error(`candidate ${candidate.n} has no interview ${scorecard.interviewN}`);
  const stage = world.stages.get(interview.stageN)?.stage;
  if (!stage) throw new Error(`the world has no stage ${interview.stageN}`);
  const interviewName = stage.interviewName ?? stage.name;
  const attributes = scorecard.answers
    .filter((a) => a.kind === 'rating')
    .map((a) => ({ name: a.label, rating: (RATINGS as readonly string[]).includes(a.value) ? (a.value as Rating) : ('no_decision' as const) }));
  return {
    id: Number(ids.scorecard(scorecard.n)),
    updated_at: iso(scorecard.updatedAt),
    created_at: iso(scorecard.createdAt),
    interview: interviewName,
    interview_step: { id: Number(ids.stageInterview(stage.n)), name: interviewName },
    candidate_id: Number(candidateId(candidate)),
    application_id: Number(applicationId(application)),
    interviewed_at: iso(interview.startAt),
    submitted_by: userRef(world, scorecard.interviewerN),
    submitted_at: iso(scorecard.submittedAt),
    overall_recommendation: scorecard.recommendation,
    attributes,
    questions: scorecard.answers
      .filter((a) => a.kind === 'text')
      .map((a, i) => ({
        id: BUILT_IN.has(a.label) ? null : Number(ids.scorecardQuestion(scorecard.n * 8 + i)),
        question: a.label,
        answer: a.value,
      })),
  };
}

/**
 * A scorecard as the store keeps it: what Harvest repeats is left out (`interviewer` is `submitted_by`, every
 * attribute's `type` and `note` are the same, `ratings` regroups the attributes) and put back when read. Scorecards
 * are the bulk of a Greenhouse store: a third less to write makes seeding a large store that much faster.
 */
export interface StoredScorecard extends Omit<GreenhouseScorecard, 'interviewer' | 'ratings' | 'attributes'> {
  attributes: { name: string; rating: Rating }[];
}

/** Harvest's scorecard from its stored form, key for key in Harvest's order. */
export function fromStoredScorecard(s: StoredScorecard): GreenhouseScorecard {
  const attributes = s.attributes.map((a) => ({ name: a.name, type: ATTRIBUTE_TYPE, note: null, rating: a.rating }));
  const bucket = (r: Rating) => s.attributes.filter((a) => a.rating === r).map((a) => a.name);
  return {
    id: s.id,
    updated_at: s.updated_at,
    created_at: s.created_at,
    interview: s.interview,
    interview_step: s.interview_step,
    candidate_id: s.candidate_id,
    application_id: s.application_id,
    interviewed_at: s.interviewed_at,
    submitted_by: s.submitted_by,
    interviewer: { ...s.submitted_by },
    submitted_at: s.submitted_at,
    overall_recommendation: s.overall_recommendation,
    attributes,
    ratings: { definitely_not: bucket('definitely_not'), no: bucket('no'), mixed: bucket('mixed'), yes: bucket('yes'), strong_yes: bucket('strong_yes') },
    questions: s.questions,
  };
}

/**
 * `form_values`: each rated attribute (value: its rating word) then each question (value: the answer), named and
 * labelled by their text (Harvest has no separate key). No `interview`: Harvest's scorecard names the stage's
 * interview (`interview_step`), not the scheduled interview; that link is only on the interview's side
 * (`interviewers[].scorecard_id`).
 */
export function scorecardToUnified(raw: GreenhouseScorecard): Scorecard {
  return {
    id: String(raw.id),
    application: { id: String(raw.application_id) },
    candidate: { id: String(raw.candidate_id) },
    interviewer: { id: String(raw.interviewer.id) },
    submitted_at: raw.submitted_at,
    overall_recommendation: raw.overall_recommendation,
    form_values: [
      ...raw.attributes.map((a) => ({ name: a.name, label: a.name, value: a.rating })),
      ...raw.questions.map((q) => ({ name: q.question, label: q.question, value: q.answer })),
    ],
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'application.id', 'candidate.id', 'interviewer.id', 'submitted_at', 'overall_recommendation', 'form_values.name',
  'form_values.label', 'form_values.value', 'created_at', 'updated_at',
] as const;
