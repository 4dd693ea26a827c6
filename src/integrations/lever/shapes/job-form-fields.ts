import { Type, type Static } from '@sinclair/typebox';
import type { JobFormField } from '../../../model/job-form-field.js';
import type { WorldJob, WorldQuestion } from '../../../seed/world.js';
import { ids, leverUuid } from '../ids.js';

const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' });

/** A standard field of the form (`personalInformation`, `urls`): known by its `name`, no id. */
export const LeverStandardField = Type.Object(
  { text: Type.String(), name: Type.String(), type: Type.String(), required: Type.Boolean(), value: Type.Null() },
  { additionalProperties: false },
);
/** A field of one of the posting's custom question sets; `options` only on choice fields. */
export const LeverCustomField = Type.Object(
  {
    description: Type.String(),
    required: Type.Boolean(),
    text: Type.String(),
    type: Type.String(),
    id: Uuid,
    prompt: Type.String(),
    options: Type.Optional(Type.Array(Type.Object({ text: Type.String() }, { additionalProperties: false }))),
    value: Type.Null(),
  },
  { additionalProperties: false },
);
/** One field of `GET /v1/postings/{id}/apply`, as a unified job form field's raw record. */
export const LeverFormField = Type.Union([LeverCustomField, LeverStandardField]);
/** `GET /v1/postings/{id}/apply`'s `data`: the posting's whole form (no `eeoQuestions`: no EEO survey here). */
export const LeverApply = Type.Object(
  {
    id: Uuid,
    text: Type.String(),
    customQuestions: Type.Array(
      Type.Object(
        { id: Uuid, text: Type.String(), fields: Type.Array(LeverCustomField), distribution: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    personalInformation: Type.Array(LeverStandardField),
    urls: Type.Array(LeverStandardField),
    consentDisclosures: Type.Null(),
  },
  { additionalProperties: false },
);
export type LeverStandardField = Static<typeof LeverStandardField>;
export type LeverCustomField = Static<typeof LeverCustomField>;
export type LeverFormField = Static<typeof LeverFormField>;

/** A custom question set, without its fields (they are stored a field a row). */
export interface LeverQuestionSet { id: string; text: string; distribution: string[] }
export type FormGroup = 'personalInformation' | 'urls' | 'customQuestions';

/** A field as stored: its posting, the part of the form it sits in, and its place in the whole form. */
export interface StoredFormField {
  posting: { id: string; text: string };
  group: FormGroup;
  set?: LeverQuestionSet;
  index: number;
  field: LeverFormField;
}

/** The whole `/apply` answer for a page of fields, in Lever's order of the parts. */
export function applyForm(fields: readonly StoredFormField[]) {
  const first = fields[0];
  const sets: (LeverQuestionSet & { fields: LeverFormField[] })[] = [];
  for (const f of fields.filter((x) => x.group === 'customQuestions')) {
    const set = sets.find((s) => s.id === f.set!.id) ?? sets[sets.push({ ...f.set!, fields: [] }) - 1]!;
    set.fields.push(f.field);
  }
  const part = (g: FormGroup) => fields.filter((x) => x.group === g).map((x) => x.field);
  return {
    id: first?.posting.id ?? '',
    text: first?.posting.text ?? '',
    customQuestions: sets.map(({ id, text, fields: fs, distribution }) => ({ id, text, fields: fs, distribution })),
    personalInformation: part('personalInformation'),
    urls: part('urls'),
    consentDisclosures: null,
  };
}

const CUSTOM_TYPE: Record<WorldQuestion['type'], string> = {
  text: 'text', textarea: 'textarea', dropdown: 'dropdown', file: 'file-upload', checkbox: 'multiple-select', radio: 'multiple-choice',
  date: 'date', number: 'text',
};

/**
 * A job's form as Lever's: its fixed seven personal fields (required as the world's basic questions say) and two
 * links, then the job's own questions as one custom question set. Lever has no per-question visibility.
 */
export function toLeverForm(job: WorldJob): StoredFormField[] {
  const posting = { id: ids.posting(job.n), text: job.title };
  const basic = (key: string) => job.questions.find((q) => q.key === key)?.required ?? false;
  const standard: [string, string, string, boolean][] = [
    ['Full name', 'fullName', 'text', basic('first_name')],
    ['Email', 'email', 'text', basic('email')],
    ['Current company', 'currentCompany', 'text', false],
    ['Current location', 'currentLocation', 'text', false],
    ['Phone', 'phone', 'text', basic('phone')],
    ['Resume', 'resume', 'file-upload', basic('resume')],
    ['Additional information', 'additionalInformation', 'textarea', false],
  ];
  const out: StoredFormField[] = standard.map(([text, name, type, required], index) => ({
    posting, group: 'personalInformation', index, field: { text, name, type, required, value: null },
  }));
  for (const name of ['LinkedIn', 'Other']) {
    out.push({ posting, group: 'urls', index: out.length, field: { text: name, name, type: 'text', required: false, value: null } });
  }
  const own = job.questions.filter((q) => q.key === null);
  const set: LeverQuestionSet = { id: leverUuid('question_set', job.n), text: own[0]?.group ?? 'Questions', distribution: ['external'] };
  for (const q of own) {
    const field: LeverCustomField = {
      description: '',
      required: q.required,
      text: q.label,
      type: CUSTOM_TYPE[q.type],
      id: leverUuid('form_field', q.n),
      prompt: '',
      ...(q.options.length > 0 ? { options: q.options.map((text) => ({ text })) } : {}),
      value: null,
    };
    out.push({ posting, group: 'customQuestions', set, index: out.length, field });
  }
  return out;
}

const UNIFIED_TYPE: Record<string, string> = {
  text: 'text', textarea: 'textarea', dropdown: 'dropdown', 'file-upload': 'file', 'multiple-choice': 'radio', 'multiple-select': 'checkbox', date: 'date',
};
const GROUP_NAME = { personalInformation: 'Personal information', urls: 'Links' } as const;

/**
 * A standard field is known by its `name` (its id and its name); a custom one by its UUID, which is also the key its
 * answer is sent under. The group is the custom question set, or the form's part for the standard fields.
 */
export function formFieldToUnified(stored: StoredFormField): JobFormField {
  const { field, group } = stored;
  const custom = 'id' in field;
  const key = custom ? field.id : field.name;
  return {
    id: key,
    name: key,
    job: { id: stored.posting.id },
    label: field.text,
    index: stored.index,
    is_required: field.required,
    type: UNIFIED_TYPE[field.type] ?? field.type,
    ...(custom && field.options ? { options: field.options.map((o) => ({ label: o.text, value: o.text })) } : {}),
    group_id: group === 'customQuestions' ? stored.set!.id : group,
    group_name: group === 'customQuestions' ? stored.set!.text : GROUP_NAME[group],
    remote_data: field as unknown as Record<string, unknown>,
  };
}

export const fields = [
  'id', 'name', 'job.id', 'label', 'index', 'is_required', 'type', 'options.label', 'options.value', 'group_id', 'group_name',
] as const;
