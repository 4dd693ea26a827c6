import { Type, type Static } from '@sinclair/typebox';
import type { JobFormField } from '../../../model/job-form-field.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldJob, WorldQuestion } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { HarvestDate, Id, Nullable, NullableString, remote } from './common.js';

const QUESTION_TYPES = ['short_text', 'long_text', 'attachment', 'boolean', 'single_select', 'multi_select'] as const;
type QuestionType = (typeof QUESTION_TYPES)[number];

/** A job post's application question. `required` is null on some custom questions. */
export const GreenhouseJobPostQuestion = Type.Object(
  {
    required: Nullable(Type.Boolean()),
    private: Type.Boolean(),
    label: Type.String(),
    name: Type.String(),
    type: Type.Union(QUESTION_TYPES.map((t) => Type.Literal(t))),
    values: Type.Array(Type.Object({ value: Type.Integer(), label: Type.String() }, { additionalProperties: false })),
    description: NullableString,
  },
  { additionalProperties: false },
);
export type GreenhouseJobPostQuestion = Static<typeof GreenhouseJobPostQuestion>;

/** `GET /v1/job_posts`, `GET /v1/jobs/{id}/job_posts`, `GET /v1/job_posts/{id}`: the source of job_form_fields. */
export const GreenhouseJobPost = Type.Object(
  {
    id: Id,
    active: Type.Boolean(),
    live: Type.Boolean(),
    first_published_at: Nullable(HarvestDate),
    title: Type.String(),
    location: Type.Object(
      {
        id: Id,
        name: Type.String(),
        office_id: Nullable(Id),
        job_post_custom_location_id: Nullable(Id),
        job_post_location_type: Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
    internal: Type.Boolean(),
    external: Type.Boolean(),
    job_id: Nullable(Id),
    content: Type.String(),
    internal_content: NullableString,
    updated_at: HarvestDate,
    created_at: HarvestDate,
    demographic_question_set_id: Nullable(Id),
    questions: Type.Array(GreenhouseJobPostQuestion),
  },
  { additionalProperties: false },
);
export type GreenhouseJobPost = Static<typeof GreenhouseJobPost>;

/**
 * Greenhouse's standard questions have fixed names on every post; custom ones are `question_<id>`. Known by label
 * when the world gives no key.
 */
const STANDARD: Readonly<Record<string, string>> = {
  'first name': 'first_name',
  'last name': 'last_name',
  email: 'email',
  phone: 'phone',
  resume: 'resume',
  'resume/cv': 'resume',
  'cover letter': 'cover_letter',
};
const YES_NO = [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }];
const isYesNo = (options: string[]) => options.length === 2 && options.includes('Yes') && options.includes('No');

/**
 * World words → Harvest's question types. Harvest has no date or number question (short text holds them), and
 * no radio: a Yes/No choice (or an option-less checkbox) is `boolean`, other single choices `single_select`.
 */
function harvestType(q: WorldQuestion): QuestionType {
  switch (q.type) {
    case 'textarea':
      return 'long_text';
    case 'file':
      return 'attachment';
    case 'dropdown':
      return 'single_select';
    case 'radio':
      return isYesNo(q.options) ? 'boolean' : 'single_select';
    case 'checkbox':
      return q.options.length === 0 ? 'boolean' : 'multi_select';
    default:
      return 'short_text';
  }
}

/** `key` (the standard field's own name) arrives with the world branch's contract; read optionally until then. */
type QuestionWithKey = WorldQuestion & { key?: string | null };

export function toHarvestQuestion(q: WorldQuestion): GreenhouseJobPostQuestion {
  const type = harvestType(q);
  const standard = (q as QuestionWithKey).key ?? STANDARD[q.label.toLowerCase()];
  const name = standard ?? `question_${ids.question(q.n)}${type === 'multi_select' ? '[]' : ''}`;
  return {
    required: q.required,
    private: q.visibility === 'private',
    label: q.label,
    name,
    type,
    values:
      type === 'boolean'
        ? YES_NO.map((v) => ({ ...v }))
        : type === 'single_select' || type === 'multi_select'
          ? q.options.map((label, i) => ({ value: Number(ids.questionOption(q.n * 16 + i)), label }))
          : [],
    description: null,
  };
}

/**
 * The job's one external post, live while the job is open. The world gives no job description, so `content` is
 * a one-line summary of the job.
 */
export function toHarvestJobPost(job: WorldJob, world: World): GreenhouseJobPost {
  const office = world.offices.find((o) => o.n === job.officeN);
  return {
    id: Number(ids.jobPost(job.n)),
    active: true,
    live: job.status === 'open',
    first_published_at: job.status === 'draft' ? null : iso(job.createdAt),
    title: job.title,
    location: {
      id: Number(ids.jobPostLocation(job.n)),
      name: office?.location ?? job.office,
      office_id: null,
      job_post_custom_location_id: null,
      job_post_location_type: { id: 1, name: 'Free Text' },
    },
    internal: false,
    external: true,
    job_id: Number(ids.job(job.n)),
    content: `<p>${escapeHtml(`${job.title}, ${job.department} team, ${job.office}.`)}</p>`,
    internal_content: null,
    updated_at: iso(job.updatedAt),
    created_at: iso(job.createdAt),
    demographic_question_set_id: null,
    questions: job.questions.map(toHarvestQuestion),
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const UNIFIED_TYPE: Readonly<Record<QuestionType, string>> = {
  short_text: 'text',
  long_text: 'textarea',
  attachment: 'file',
  single_select: 'dropdown',
  multi_select: 'checkbox',
  boolean: 'radio',
};

/**
 * One unified field per question of the post. Harvest's questions have no id, so a field's id is the post's id
 * and the question's name (`4252332003:first_name`), unique in the account. `remote_data` is the question. Types:
 * short_text → text, long_text → textarea, attachment → file, single_select → dropdown, multi_select → checkbox,
 * boolean → radio (a Yes/No choice); any other Harvest word passes through, as Truto documents. Options carry
 * Harvest's option value as both id and value. Harvest has no groups.
 */
export function jobFormFieldsToUnified(raw: GreenhouseJobPost): JobFormField[] {
  return raw.questions.map((q, index) => questionToUnified(q, index, raw));
}

/** One question of a post, `index` its place in the post's form. */
export function questionToUnified(q: GreenhouseJobPostQuestion, index: number, post: { id: number; job_id: number | null }): JobFormField {
  return {
    id: `${post.id}:${q.name.replace(/\[\]$/, '')}`,
    name: q.name,
    ...(post.job_id !== null ? { job: { id: String(post.job_id) } } : {}),
    label: q.label,
    index,
    ...(q.required !== null ? { is_required: q.required } : {}),
    answer_visibility: q.private ? 'private' : 'public',
    ...(q.description !== null ? { description: q.description } : {}),
    type: UNIFIED_TYPE[q.type] ?? q.type,
    ...(q.values.length > 0
      ? { options: q.values.map((v) => ({ id: String(v.value), label: v.label, value: String(v.value) })) }
      : {}),
    remote_data: remote(q),
  };
}

export const fields = [
  'id', 'name', 'job.id', 'label', 'index', 'is_required', 'answer_visibility', 'description', 'type', 'options.id', 'options.label',
  'options.value',
] as const;
