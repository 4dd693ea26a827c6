import { Type, type Static } from '@sinclair/typebox';
import type { JobFormField } from '../../../model/job-form-field.js';
import { Id, Strict } from './common.js';

/**
 * Breezy has no form-field record. A position's form is its `application_form` (each standard field `required`,
 * `optional` or `off`) and the questions of its questionnaire (`questionnaire_id`). A standard field is its entry of
 * `application_form`; a question is the questionnaire's (inner shape not published: provider-shapes-2 §4.7, so
 * `{_id, text, type, required, options}` is this mock's reading).
 */
export const BreezyFormSetting = Type.Object(
  { key: Type.String(), value: Type.Union([Type.Literal('required'), Type.Literal('optional')]) },
  Strict,
);
export const BreezyQuestion = Type.Object(
  {
    _id: Id,
    text: Type.String(),
    type: Type.Union(['text', 'paragraph', 'dropdown', 'multiple_choice', 'checkboxes', 'file_upload', 'date', 'number'].map((t) => Type.Literal(t))),
    required: Type.Boolean(),
    options: Type.Array(Type.Object({ _id: Id, text: Type.String() }, Strict)),
  },
  Strict,
);
export const BreezyFormField = Type.Union([BreezyFormSetting, BreezyQuestion]);
export type BreezyFormSetting = Static<typeof BreezyFormSetting>;
export type BreezyQuestion = Static<typeof BreezyQuestion>;
export type BreezyFormField = Static<typeof BreezyFormField>;

/** Breezy's labels for its standard fields (its application form editor's words). */
export const STANDARD_LABELS: Record<string, { label: string; type: string }> = {
  name: { label: 'Full Name', type: 'text' },
  email_address: { label: 'Email Address', type: 'text' },
  phone_number: { label: 'Phone Number', type: 'text' },
  address: { label: 'Address', type: 'text' },
  headline: { label: 'Headline', type: 'text' },
  summary: { label: 'Summary', type: 'textarea' },
  profile_photo: { label: 'Profile Photo', type: 'file' },
  resume: { label: 'Resume', type: 'file' },
  cover_letter: { label: 'Cover Letter', type: 'textarea' },
  work_history: { label: 'Work History', type: 'textarea' },
  education: { label: 'Education', type: 'textarea' },
};

/** Breezy's question types in Truto's words. */
const TYPES: Record<BreezyQuestion['type'], string> = {
  text: 'text',
  paragraph: 'textarea',
  dropdown: 'dropdown',
  multiple_choice: 'radio',
  checkboxes: 'checkbox',
  file_upload: 'file',
  date: 'date',
  number: 'number',
};

export const fields = [
  'id', 'name', 'job.id', 'label', 'index', 'is_required', 'type', 'options.id', 'options.label', 'group_id', 'group_name',
] as const;

export interface FormContext {
  position: string;
  index: number;
  questionnaire: string | null;
}

export function formFieldToUnified(raw: BreezyFormField, ctx: FormContext): JobFormField {
  const common = { job: { id: ctx.position }, index: ctx.index };
  if ('key' in raw) {
    const std = STANDARD_LABELS[raw.key] ?? { label: raw.key, type: 'text' };
    return {
      id: `${ctx.position}:${raw.key}`,
      name: raw.key,
      ...common,
      label: std.label,
      is_required: raw.value === 'required',
      type: std.type,
      group_id: 'application_form',
      group_name: 'Application form',
      remote_data: raw as unknown as Record<string, unknown>,
    };
  }
  return {
    id: raw._id,
    name: raw._id,
    ...common,
    label: raw.text,
    is_required: raw.required,
    type: TYPES[raw.type],
    options: raw.options.map((o) => ({ id: o._id, label: o.text })),
    ...(ctx.questionnaire !== null ? { group_id: ctx.questionnaire, group_name: 'Questionnaire' } : {}),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
