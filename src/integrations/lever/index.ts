import type { Integration } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { notFound } from './api.js';
import { createCandidate } from './commands/create-candidate.js';
import { createNote } from './commands/create-note.js';
import { moveStage } from './commands/move-stage.js';
import { uploadFile } from './commands/upload-file.js';
import { activities } from './resources/activities.js';
import { applications } from './resources/applications.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { jobFormFields } from './resources/job-form-fields.js';
import { jobInterviewStages } from './resources/job-interview-stages.js';
import { jobs } from './resources/jobs.js';
import { tags } from './resources/tags.js';
import { users } from './resources/users.js';
import { leverSeed } from './seed.js';

/**
 * Lever v1, as Truto serves it (Beta): candidates (opportunities), attachments, jobs (postings), job interview
 * stages, job form fields, tags and users; its writes (commands/): move-stage, candidate create, notes, file uploads.
 * Activities and applications are writes only at Truto: their emulations list no read method.
 */
export const lever: Integration = {
  name: 'lever',
  // Lever: `limit` 1–100, 100 when absent.
  pageSize: { default: 100, max: 100 },
  seed: leverSeed,
  // Injected faults in Lever's envelope: `{ code, message }`, the code a reason phrase ending in Error.
  errorBody: (status) =>
    status === 404
      ? notFound('opportunity')()
      : remoteErrorFor(status, { 401: 'Invalid API key', 429: 'Rate limit exceeded' }, (message, s) => ({ code: `${reasonWord(s)}Error`, message })),
  resources: {
    activities: { ...activities, commands: { create: createNote } },
    applications: { ...applications, commands: { 'move-stage': moveStage } },
    attachments: { ...attachments, commands: { create: uploadFile } },
    candidates: { ...candidates, commands: { create: createCandidate } },
    job_form_fields: jobFormFields,
    job_interview_stages: jobInterviewStages,
    jobs,
    tags,
    users,
  },
};
