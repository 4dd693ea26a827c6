import { Type, type Static } from '@sinclair/typebox';
import type { Job } from '../../../model/job.js';
import type { WorldJob, WorldQuestion } from '../../../seed/world.js';
import { utc } from '../time.js';
import { remote, Str, Time, Uuid } from './common.js';
import { FountainStage } from './stages.js';

const Person = Type.Object({ name: Type.String(), email: Type.String(), id: Uuid }, { additionalProperties: false });

/**
 * An opening (`GET /v2/funnels` → `{ funnels, pagination }`, `GET /v2/funnels/{id}` → the bare funnel), keys as
 * developer.fountain.com's List Openings shows them. No `updated_at`: Fountain does not say.
 */
export const FountainFunnel = Type.Object(
  {
    id: Uuid,
    custom_id: Str,
    title: Type.String(),
    address: Str,
    time_zone: Type.String(),
    description: Str,
    requirements: Str,
    fields: Type.Array(Type.Object({ question: Type.String(), type: Type.String(), key: Type.String() }, { additionalProperties: false })),
    stages: Type.Array(Type.Pick(FountainStage, ['id', 'title', 'type'])),
    is_private: Type.Boolean(),
    active: Type.Boolean(),
    created_at: Time,
    additional_info: Str,
    location: Type.Object(
      {
        name: Type.String(),
        id: Uuid,
        latitude: Type.Union([Type.Number(), Type.Null()]),
        longitude: Type.Union([Type.Number(), Type.Null()]),
        location_group: Type.Object({ name: Type.String(), id: Uuid }, { additionalProperties: false }),
        owner: Person,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type FountainFunnel = Static<typeof FountainFunnel>;

/** Page-numbered: `previous`/`next` are empty strings where there is none. */
export const FountainPagination = Type.Object(
  {
    first: Type.Integer(),
    previous: Type.Union([Type.Integer(), Type.Literal('')]),
    current: Type.Integer(),
    next: Type.Union([Type.Integer(), Type.Literal('')]),
    last: Type.Integer(),
  },
  { additionalProperties: false },
);
export const FountainFunnelList = Type.Object({ funnels: Type.Array(FountainFunnel), pagination: FountainPagination }, { additionalProperties: false });

/** The one question type the docs show is `text_field`; the others are Fountain's form builder's words. */
const FIELD_TYPES: Record<WorldQuestion['type'], string> = {
  text: 'text_field', textarea: 'text_area', number: 'text_field', date: 'date_picker',
  dropdown: 'select', radio: 'radio', checkbox: 'checkbox', file: 'file_upload',
};

export interface FunnelParts {
  id: string;
  title: string;
  stages: FountainStage[];
  location: FountainFunnel['location'];
  createdAt: string;
}

export function toFountainFunnel(job: WorldJob, parts: FunnelParts): FountainFunnel {
  return {
    id: parts.id,
    custom_id: null,
    title: parts.title,
    address: null,
    time_zone: 'Pacific Time (US & Canada)',
    description: `${job.title} in our ${job.department} team, ${job.office}.`,
    requirements: null,
    fields: job.questions.map((q) => ({ question: q.label, type: FIELD_TYPES[q.type], key: q.key ?? `question_${q.n}` })),
    stages: parts.stages.map(({ id, title, type }) => ({ id, title, type })),
    is_private: false,
    // A closed or draft opening takes no applicants: Fountain's inactive.
    active: job.status === 'open',
    created_at: parts.createdAt,
    additional_info: null,
    location: parts.location,
  };
}

export const fields = ['id', 'name', 'description', 'status', 'confidential', 'locations', 'created_at'] as const;

export function funnelToUnified(raw: FountainFunnel): Job {
  return {
    id: raw.id,
    name: raw.title,
    ...(raw.description !== null ? { description: raw.description } : {}),
    status: raw.active ? 'open' : 'closed',
    confidential: raw.is_private,
    locations: [raw.location.name],
    created_at: utc(raw.created_at),
    remote_data: remote(raw),
  };
}
