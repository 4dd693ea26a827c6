import type { Integration } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { notFound } from './api.js';
import { activities } from './resources/activities.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { jobFormFields } from './resources/job-form-fields.js';
import { jobs } from './resources/jobs.js';
import { organizations } from './resources/organizations.js';
import { scorecards } from './resources/scorecards.js';
import { breezySeed } from './seed.js';

/** Breezy HR API v3: what Truto's Breezy integration serves (its coverage page). */
export const breezy: Integration = {
  name: 'breezy',
  // `page_size` is capped at 50 (Breezy's published limit); the mock defaults to a full page.
  pageSize: { default: 50, max: 50 },
  seed: breezySeed,
  // Injected faults in Breezy's envelope: `{ error: { type, message } }`.
  errorBody: (status) =>
    status === 404
      ? notFound('candidate')()
      : remoteErrorFor(status, { 401: 'Invalid access token', 429: 'Rate limit exceeded' }, (message, s) => {
          const word = reasonWord(s);
          return { error: { type: word[0]!.toLowerCase() + word.slice(1), message } };
        }),
  resources: {
    activities,
    attachments,
    candidates,
    job_form_fields: jobFormFields,
    jobs,
    organizations,
    scorecards,
  },
};
