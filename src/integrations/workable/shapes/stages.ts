import { Type, type Static } from '@sinclair/typebox';
import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { more, stageSlug } from '../ids.js';
import type { WorkableCandidate } from '../raw.js';
import { Closed, remote } from './common.js';

const Kind = Type.Union(['sourced', 'applied', 'shortlisted', 'assessment', 'phone-screen', 'interview', 'offer', 'hired'].map((k) => Type.Literal(k)));

/** One item of `GET /spi/v3/jobs/{shortcode}/stages` and `GET /spi/v3/stages` (identical shape). */
export const WorkableStage = Closed({
  id: Type.Integer(),
  identifier: Type.String({ pattern: '^[0-9a-f]{6}$' }),
  slug: Type.String(),
  name: Type.String(),
  kind: Kind,
  position: Type.Integer(),
});
export type WorkableStage = Static<typeof WorkableStage>;

export function toWorkableStage(id: number, name: string, kind: WorkableCandidate['stage_kind'], position: number): WorkableStage {
  return { id, identifier: more.stageIdentifier(id), slug: stageSlug(name), name, kind, position };
}

/**
 * The unified stage's id is its slug: Workable's candidate names its stage only by name (and `move` takes the
 * slug), so the slug is what an application's `current_stage.id` can point at. A stage read off a job's pipeline
 * belongs to that job (`job`: the shortcode); the account's `/stages` belong to none.
 */
export const stageToUnified = (raw: WorkableStage, shortcode: string | undefined): JobInterviewStage => ({
  id: raw.slug,
  name: raw.name,
  ...(shortcode !== undefined ? { job: { id: shortcode } } : {}),
  position: raw.position,
  remote_data: remote(raw),
});

export const fields = ['id', 'name', 'job.id', 'position'] as const;
