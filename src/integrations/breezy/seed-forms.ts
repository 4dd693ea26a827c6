import type { WorldJob, WorldQuestion } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import type { BreezyIds } from './ids.js';
import type { BreezyFormSetting, BreezyQuestion } from './shapes/form-fields.js';
import type { BreezyPosition } from './shapes/positions.js';

/** The world's standard form keys in Breezy's `application_form` words (first and last name are Breezy's one `name`). */
const STANDARD: Record<string, keyof BreezyPosition['application_form']> = {
  first_name: 'name',
  last_name: 'name',
  email: 'email_address',
  phone: 'phone_number',
  resume: 'resume',
  cover_letter: 'cover_letter',
};

const QUESTION_TYPES: Record<WorldQuestion['type'], BreezyQuestion['type']> = {
  text: 'text',
  textarea: 'paragraph',
  dropdown: 'dropdown',
  radio: 'multiple_choice',
  checkbox: 'checkboxes',
  file: 'file_upload',
  date: 'date',
  number: 'number',
};

/** A job's standard fields as Breezy's toggles: what the world's form asks, the rest `off`. */
export function applicationFormOf(job: WorldJob): BreezyPosition['application_form'] {
  const form: BreezyPosition['application_form'] = {
    name: 'off', headline: 'off', summary: 'off', profile_photo: 'off', address: 'off', email_address: 'off', phone_number: 'off',
    resume: 'off', work_history: 'off', education: 'off', cover_letter: 'off', questionnaire_in_experience: false,
  };
  for (const q of job.questions) {
    const key = q.key === null ? undefined : STANDARD[q.key];
    if (key === undefined || key === 'questionnaire_in_experience') continue;
    if (form[key] !== 'required') form[key] = q.required ? 'required' : 'optional';
  }
  return form;
}

/** A position's form fields, in the order its form shows them: the standard fields on, then its questions. */
export function* formFieldsOf(ids: BreezyIds, position: BreezyPosition, job: WorldJob): Generator<SeedRecord> {
  const at = { created_at: position.creation_date, updated_at: position.updated_date };
  const refs = { job: position._id };
  for (const [key, value] of Object.entries(position.application_form)) {
    if (value !== 'required' && value !== 'optional') continue;
    const raw: BreezyFormSetting = { key, value };
    yield { kind: 'form_field', record: { id: `${position._id}:${key}`, refs, ...at, raw: JSON.stringify(raw) } };
  }
  for (const q of job.questions) {
    if (q.key !== null) continue;
    const raw: BreezyQuestion = {
      _id: ids.question(q.n),
      text: q.label,
      type: QUESTION_TYPES[q.type],
      required: q.required,
      options: q.options.map((text, i) => ({ _id: ids.option(q.n * 16 + i), text })),
    };
    yield { kind: 'form_field', record: { id: raw._id, refs, ...at, raw: JSON.stringify(raw) } };
  }
}
