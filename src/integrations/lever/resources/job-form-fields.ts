import type { JobFormField } from '../../../model/job-form-field.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound } from '../api.js';
import { applyForm, fields, formFieldToUnified, LeverFormField, type StoredFormField } from '../shapes/job-form-fields.js';

interface FieldItem extends Rendered<LeverFormField> {
  stored: StoredFormField;
}

/**
 * A posting's application form, `GET /v1/postings/{id}/apply`: one unified field per form field, so the posting
 * is required (Lever has no account-wide form list). Lever answers the form in one object, unpaged; the mock pages
 * the fields (a field a row) and answers each page as that object holding the page's fields.
 */
export const jobFormFields: ResourceEmulation<JobFormField, FieldItem> = {
  kind: 'form_field',
  methods: ['list'],
  fields,
  filters: { supported: ['job_id'], required: { list: ['job_id'], get: [] } },
  parentError: (reader, { job_id: id }) => (id !== undefined && !reader.get('posting', id) ? notFound('posting')() : undefined),
  query: ({ filters }) => (filters.job_id !== undefined ? { keys: [refKey('job', filters.job_id)] } : {}),
  render: (rows) =>
    rows.map((row) => {
      const stored = JSON.parse(row.raw) as StoredFormField;
      return { raw: stored.field, row, stored };
    }),
  toUnified: ({ stored }) => formFieldToUnified(stored),
  rawSingle: (raw) => ({ data: raw }),
  // The form object holding this page's fields, each in the part of the form it came from.
  rawPage: (_raws, _next, _request, page) => ({ data: applyForm((page?.items ?? []).map((i) => i.stored)) }),
  notFound: notFound('posting'),
  call: (op) => getCall(`/postings/${enc(op.kind === 'get' ? op.request.id : (op.request.filters.job_id ?? ''))}/apply`, op.request.remoteQuery),
  rawSchema: LeverFormField,
};
