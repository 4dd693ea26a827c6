import { Type, type Static } from '@sinclair/typebox';
import type { Scorecard } from '../../../model/scorecard.js';
import { BreezyDate, Id, Strict } from './common.js';
import { ActingUser } from './stream.js';

const Score = Type.Union(['very_good', 'good', 'neutral', 'poor', 'very_poor'].map((s) => Type.Literal(s)));

/**
 * An item of `GET /v3/company/:c/position/:p/candidate/:id/scorecards`. No published example exists
 * (provider-shapes-2 §4: scorecards are only a candidate sub-resource); this is the mock's reading, in Breezy's
 * conventions: the five scores are the candidate's `overall_score` buckets, the scorer is the stream's user object.
 */
export const BreezyScorecard = Type.Object(
  {
    _id: Id,
    candidate_id: Id,
    position_id: Id,
    user: ActingUser,
    score: Score,
    sections: Type.Array(Type.Object({ name: Type.String(), criteria: Type.Array(Type.Object({ name: Type.String(), value: Type.String() }, Strict)) }, Strict)),
    creation_date: BreezyDate,
    updated_date: BreezyDate,
  },
  Strict,
);
export type BreezyScorecard = Static<typeof BreezyScorecard>;

export const fields = ['id', 'candidate.id', 'submitted_at', 'overall_recommendation', 'form_values.name', 'form_values.value', 'created_at', 'updated_at'] as const;

/** The scorer is a user, which Truto does not serve for Breezy, so `interviewer` stays unset (it would resolve to nothing). */
export function scorecardToUnified(raw: BreezyScorecard): Scorecard {
  return {
    id: raw._id,
    candidate: { id: raw.candidate_id },
    submitted_at: raw.creation_date,
    overall_recommendation: raw.score,
    form_values: raw.sections.flatMap((s) => s.criteria.map((c) => ({ name: c.name, value: c.value }))),
    created_at: raw.creation_date,
    updated_at: raw.updated_date,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
