import type { JobFormField } from '../../../model/job-form-field.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { AccountReader, Rendered, ResourceEmulation } from '../../types.js';
import { call, enc, notFound } from '../api.js';
import { BREEZY, companyOf } from '../ids.js';
import { BreezyFormField, fields, formFieldToUnified, type FormContext } from '../shapes/form-fields.js';
import type { BreezyPosition } from '../shapes/positions.js';

type Item = Rendered<BreezyFormField> & FormContext;

/** Each field with its place in its position's form and the questionnaire its questions come from. */
function render(rows: readonly RecordRow[], reader: AccountReader): Item[] {
  const forms = new Map<string, { order: Map<string, number>; questionnaire: string | null }>();
  const formOf = (position: string) => {
    let form = forms.get(position);
    if (!form) {
      const all = reader.byKeys('form_field', [refKey('job', position)]);
      const row = reader.get('position', position);
      const questionnaire = row ? (JSON.parse(row.raw) as BreezyPosition).questionnaire_id : null;
      form = { order: new Map(all.map((r, i) => [r.id, i])), questionnaire };
      forms.set(position, form);
    }
    return form;
  };
  return rows.map((row) => {
    const position = row.refs.job ?? '';
    const form = formOf(position);
    return { raw: JSON.parse(row.raw) as BreezyFormField, row, position, index: form.order.get(row.id) ?? 0, questionnaire: form.questionnaire };
  });
}

/**
 * A position's application form, read off `GET /v3/company/:c/position/:p` (`application_form`) and its
 * questionnaire's questions: `job_id` (the position) is required; an unknown position is Breezy's 404.
 */
export const jobFormFields: ResourceEmulation<JobFormField, Item> = {
  kind: 'form_field',
  methods: ['list'],
  fields,
  filters: { supported: ['job_id'], required: { list: ['job_id'], get: [] } },
  parentError: (reader, filters) => (reader.get('position', filters.job_id ?? '') ? undefined : notFound('position')()),
  query: ({ filters }) => ({ keys: [refKey('job', filters.job_id ?? '')] }),
  render: (rows, reader) => render(rows, reader),
  toUnified: ({ raw, position, index, questionnaire }) => formFieldToUnified(raw, { position, index, questionnaire }),
  rawSingle: (raw) => raw,
  notFound: notFound('position'),
  call: (op) => {
    const position = op.request.filters.job_id ?? '';
    return call(`${BREEZY}/company/${enc(companyOf(position))}/position/${enc(position)}`, op.request.remoteQuery);
  },
  rawSchema: BreezyFormField,
};
