import { iso } from '../../seed/reference-time.js';
import type { World, WorldRecommendation, WorldScorecard } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import type { BreezyIds } from './ids.js';
import type { BreezyScorecard } from './shapes/scorecards.js';

const SCORE: Record<WorldRecommendation, BreezyScorecard['score']> = {
  strong_yes: 'very_good',
  yes: 'good',
  no_decision: 'neutral',
  no: 'poor',
  definitely_not: 'very_poor',
};

/** The scorecards of one candidate record (those of the application it is). */
export function* scorecardsOf(ids: BreezyIds, world: World, candidate: string, position: string, scorecards: readonly WorldScorecard[]): Generator<SeedRecord> {
  for (const s of scorecards) {
    const u = world.users[s.interviewerN - 1]!;
    const raw: BreezyScorecard = {
      _id: ids.scorecard(s.n),
      candidate_id: candidate,
      position_id: position,
      user: { _id: ids.user(u.n), email_address: u.email, name: `${u.firstName} ${u.lastName}`, profile_photo_url: null },
      score: SCORE[s.recommendation],
      sections: [{ name: 'Evaluation', criteria: s.answers.map((a) => ({ name: a.label, value: a.value })) }],
      creation_date: iso(s.submittedAt),
      updated_date: iso(s.updatedAt),
    };
    yield { kind: 'scorecard', record: { id: raw._id, refs: { candidate, job: position }, created_at: raw.creation_date, updated_at: raw.updated_date, raw: JSON.stringify(raw) } };
  }
}
