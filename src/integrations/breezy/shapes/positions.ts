import { Type, type Static } from '@sinclair/typebox';
import type { Job } from '../../../model/job.js';
import { BreezyDate, Id, IdName, Str, Strict } from './common.js';

const Toggle = Type.Union(['required', 'optional', 'off'].map((v) => Type.Literal(v)));

/**
 * A position (`GET /v3/company/:c/positions`, `…/position/:id`): the union of Airbyte's live-inferred keys and
 * HrFlow's model (provider-shapes-2 §4.2); the list and the get answer the same object.
 */
export const BreezyPosition = Type.Object(
  {
    _id: Id,
    name: Type.String(),
    friendly_id: Type.String(),
    state: Type.Union(['published', 'closed', 'draft', 'archived', 'pending'].map((s) => Type.Literal(s))),
    type: IdName,
    experience: Type.Union([IdName, Type.Null()]),
    education: Str,
    department: Type.String(),
    category: IdName,
    location: Type.Object(
      {
        country: IdName,
        state: Type.Union([IdName, Type.Null()]),
        city: Str,
        is_remote: Type.Boolean(),
        name: Type.String(),
      },
      Strict,
    ),
    description: Type.String(),
    application_form: Type.Object(
      {
        name: Toggle,
        headline: Toggle,
        summary: Toggle,
        profile_photo: Toggle,
        address: Toggle,
        email_address: Toggle,
        phone_number: Toggle,
        resume: Toggle,
        work_history: Toggle,
        education: Toggle,
        cover_letter: Toggle,
        questionnaire_in_experience: Type.Boolean(),
      },
      Strict,
    ),
    pipeline_id: Type.String(),
    questionnaire_id: Type.Union([Id, Type.Null()]),
    scorecard_id: Type.Union([Id, Type.Null()]),
    requisition_id: Str,
    candidate_type: Type.Literal('candidate'),
    org_type: Type.Literal('position'),
    bias_enabled: Type.Boolean(),
    creator_id: Type.Union([Id, Type.Null()]),
    all_users: Type.Array(Id),
    all_admins: Type.Array(Id),
    tags: Type.Array(Type.String()),
    custom_attributes: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), secure: Type.Boolean(), value: Type.String() }, Strict)),
    creation_date: BreezyDate,
    updated_date: BreezyDate,
  },
  Strict,
);
export type BreezyPosition = Static<typeof BreezyPosition>;

export const fields = ['id', 'name', 'description', 'status', 'locations', 'job_posting_urls.url', 'created_at', 'updated_at'] as const;

/** Breezy's `state` in Truto's words: a published position is open. */
const STATUS: Record<BreezyPosition['state'], NonNullable<Job['status']>> = {
  published: 'open',
  closed: 'closed',
  draft: 'draft',
  archived: 'archived',
  pending: 'pending',
};

/** Only a published position has a public page: `https://<company friendly_id>.breezy.hr/p/<friendly_id>`. */
export function positionToUnified(raw: BreezyPosition, companySlug: string): Job {
  return {
    id: raw._id,
    name: raw.name,
    description: raw.description,
    status: STATUS[raw.state],
    locations: [raw.location.name],
    job_posting_urls: raw.state === 'published' ? [{ url: `https://${companySlug}.breezy.hr/p/${raw.friendly_id}` }] : [],
    created_at: raw.creation_date,
    updated_at: raw.updated_date,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
