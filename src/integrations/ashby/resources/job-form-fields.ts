import type { JobFormField } from '../../../model/job-form-field.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { AccountReader, Rendered, ResourceEmulation } from '../../types.js';
import { call, notFoundOf } from '../api.js';
import { jobPostingId } from '../ids.js';
import { AshbyFormField, fields, formFieldToUnified } from '../shapes/job-form-fields.js';

interface FieldItem extends Rendered<AshbyFormField> {
  index: number;
}

const jobNotFound = notFoundOf('job');

/** Each row's place in its job's form: the form is read whole, so its order is the field's index. */
function render(rows: readonly RecordRow[], reader: AccountReader): FieldItem[] {
  const order = new Map<string, number>();
  const jobs = [...new Set(rows.map((r) => r.refs.job!))];
  for (const job of jobs) reader.byKeys('form_field', [refKey('job', job)]).forEach((r, i) => order.set(r.id, i));
  return rows.map((row) => ({ raw: JSON.parse(row.raw) as AshbyFormField, row, index: order.get(row.id)! }));
}

/**
 * `jobPosting.info {jobPostingId}` → `applicationFormDefinition`: Truto reads the job's posting (so `job_id` is
 * required) and lists its form's fields. A draft job has no posting, hence no fields.
 */
export const jobFormFields: ResourceEmulation<JobFormField, FieldItem> = {
  kind: 'form_field',
  methods: ['list'],
  fields,
  filters: { supported: ['job_id'], required: { list: ['job_id'], get: [] } },
  query: ({ filters }) => (filters.job_id !== undefined ? { keys: [refKey('job', filters.job_id)] } : {}),
  parentError: (reader, { job_id: id }) => (id !== undefined && !reader.get('job', id) ? jobNotFound(id) : undefined),
  render,
  toUnified: ({ raw, row, index }) => formFieldToUnified(raw, row.refs.job!, index),
  rawSingle: (raw) => ({ success: true, results: raw }),
  // jobPosting.info answers one posting, its form inside; the posting's other keys (descriptions, address…) are not the form's.
  rawPage: (raws, _next, request) => {
    const jobId = request?.filters.job_id ?? '';
    return { success: true, results: { id: jobPostingId(jobId), jobId, applicationFormDefinition: { sections: [{ fields: raws }] } } };
  },
  notFound: jobNotFound,
  call: (op) => call('jobPosting.info', { jobPostingId: jobPostingId(op.kind === 'list' ? (op.request.filters.job_id ?? '') : op.request.id) }),
  rawSchema: AshbyFormField,
};
