import type { JobFormField } from '../../../model/job-form-field.js';
import type { WorldQuestion } from '../../../seed/world.js';
import { uuid } from '../ids.js';
import type { FormField } from './scorecards.js';

export { FormField as AshbyFormField } from './scorecards.js';

/** Ashby's field types for the world's question kinds (its live forms show String, Email, Url, ValueSelect, LongText…). */
const TYPE: Record<WorldQuestion['type'], string> = {
  text: 'String',
  textarea: 'LongText',
  dropdown: 'ValueSelect',
  radio: 'ValueSelect',
  checkbox: 'MultiValueSelect',
  file: 'File',
  date: 'Date',
  number: 'Number',
};
const UNIFIED: Record<string, string> = {
  String: 'text', Email: 'text', Phone: 'text', LongText: 'textarea', ValueSelect: 'dropdown', MultiValueSelect: 'checkbox', File: 'file', Date: 'date',
  Number: 'number', Boolean: 'checkbox',
};
/** Ashby's system fields: one `Name` (no first/last), email, phone and resume typed as such. */
const SYSTEM: Record<string, { path: string; title: string; type?: string }> = {
  first_name: { path: '_systemfield_name', title: 'Name' },
  email: { path: '_systemfield_email', title: 'Email', type: 'Email' },
  phone: { path: '_systemfield_phone', title: 'Phone', type: 'Phone' },
  resume: { path: '_systemfield_resume', title: 'Resume' },
};

/** A job's application form as `applicationFormDefinition` lists it: `last_name` folds into Ashby's one `Name`. */
export function toFormFields(salt: string, jobN: number, questions: readonly WorldQuestion[]): FormField[] {
  const out: FormField[] = [];
  for (const q of questions) {
    if (q.key === 'last_name') continue;
    const id = uuid(salt, 'formField', `${jobN}:${q.n}`);
    const system = q.key !== null ? SYSTEM[q.key] : undefined;
    out.push({
      isRequired: q.required,
      field: {
        id,
        type: system?.type ?? TYPE[q.type],
        path: system?.path ?? id,
        humanReadablePath: system?.title ?? '',
        title: system?.title ?? q.label,
        isNullable: !q.required,
        ...(q.options.length > 0 ? { selectableValues: q.options.map((o) => ({ label: o, value: o })) } : {}),
      },
    });
  }
  return out;
}

/** The field's `path` is the key its answer is submitted under; Ashby says nothing of who may see answers. */
export function formFieldToUnified(raw: FormField, jobId: string, index: number): JobFormField {
  const f = raw.field;
  return {
    id: f.id,
    name: f.path,
    job: { id: jobId },
    label: f.title,
    index,
    is_required: raw.isRequired,
    ...(raw.descriptionPlain !== undefined ? { description: raw.descriptionPlain } : {}),
    type: UNIFIED[f.type] ?? f.type,
    ...(f.selectableValues ? { options: f.selectableValues.map((o) => ({ label: o.label, value: o.value })) } : {}),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

export const fields = ['id', 'name', 'job.id', 'label', 'index', 'is_required', 'type', 'options.label', 'options.value'] as const;
