import { Random } from '../random.js';
import * as V from '../vocabulary.js';
import type { WorldRecommendation, WorldScorecard } from '../world.js';

type Answers = WorldScorecard['answers'];
const RECOMMENDATIONS: WorldRecommendation[] = ['definitely_not', 'no', 'yes', 'strong_yes', 'no_decision'];
const TONE: Record<WorldRecommendation, keyof typeof V.TAKEAWAYS> = {
  definitely_not: 'negative',
  no: 'negative',
  yes: 'positive',
  strong_yes: 'positive',
  no_decision: 'mixed',
};
/** Attribute ratings near an overall recommendation (Greenhouse rates attributes with `mixed` too). */
const NEAR: Record<WorldRecommendation, string[]> = {
  definitely_not: ['definitely_not', 'definitely_not', 'no'],
  no: ['no', 'no', 'mixed', 'definitely_not'],
  yes: ['yes', 'yes', 'strong_yes', 'mixed'],
  strong_yes: ['strong_yes', 'strong_yes', 'yes'],
  no_decision: ['mixed', 'no_decision', 'yes', 'no'],
};
const VARIANTS = 4;

/**
 * Filled-in scorecard forms, made once: a scorecard picks one by its interview's panel and its recommendation, so
 * the hundreds of thousands of scorecards share a few hundred answer lists (read-only) instead of building their own.
 */
const FORMS = {} as Record<V.InterviewPanel, Record<WorldRecommendation, Answers[]>>;
{
  const r = new Random('scorecard forms');
  for (const [panel, attributes] of Object.entries(V.SCORECARD_ATTRIBUTES) as [V.InterviewPanel, readonly string[]][]) {
    const byRecommendation = (FORMS[panel] = {} as Record<WorldRecommendation, Answers[]>);
    for (const rec of RECOMMENDATIONS) {
      const takeaways = V.TAKEAWAYS[TONE[rec]];
      byRecommendation[rec] = Array.from({ length: VARIANTS }, (_, i) => [
          ...attributes.map((label) => ({ label, kind: 'rating' as const, value: r.pick(NEAR[rec]) })),
          { label: 'Key Take-Aways', kind: 'text' as const, value: takeaways[i % takeaways.length]! },
        ]);
    }
  }
}

export function scorecardAnswers(r: Random, panel: V.InterviewPanel, rec: WorldRecommendation): Answers {
  return FORMS[panel][rec][r.int(0, VARIANTS - 1)]!;
}

/** How the interviewers judged: by whether the candidate went on, was turned down after it, or is still waiting. */
export const OUTCOME_RECOMMENDATIONS: Record<'passed' | 'failed' | 'pending', readonly (readonly [number, WorldRecommendation])[]> = {
  passed: [[0.35, 'strong_yes'], [0.5, 'yes'], [0.1, 'no'], [0.05, 'no_decision']],
  failed: [[0.25, 'definitely_not'], [0.55, 'no'], [0.15, 'yes'], [0.05, 'no_decision']],
  pending: [[0.15, 'strong_yes'], [0.45, 'yes'], [0.3, 'no'], [0.05, 'definitely_not'], [0.05, 'no_decision']],
};
