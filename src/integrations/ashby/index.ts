import type { Integration } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { notFoundOf } from './api.js';
import { createNote } from './commands/create-note.js';
import { moveStage } from './commands/move-stage.js';
import { activities } from './resources/activities.js';
import { applications } from './resources/applications.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { departments } from './resources/departments.js';
import { interviews } from './resources/interviews.js';
import { jobFormFields } from './resources/job-form-fields.js';
import { jobInterviewStages } from './resources/job-interview-stages.js';
import { jobs } from './resources/jobs.js';
import { offers } from './resources/offers.js';
import { offices } from './resources/offices.js';
import { rejectReasons } from './resources/reject-reasons.js';
import { scorecards } from './resources/scorecards.js';
import { tags } from './resources/tags.js';
import { users } from './resources/users.js';
import { ashbySeed } from './seed.js';

const notFound = notFoundOf('candidate');

/** Ashby's RPC API (`POST https://api.ashbyhq.com/<object>.<verb>`): the resources Truto serves for it. */
export const ashby: Integration = {
  name: 'ashby',
  // candidate.list: "The maximum and default value is 100".
  pageSize: { default: 100, max: 100 },
  seed: ashbySeed,
  // Injected faults in Ashby's envelope: `success: false` with `errors` and `errorInfo`.
  errorBody: (status) =>
    status === 404
      ? notFound('')
      : remoteErrorFor(status, { 401: 'Invalid API key', 429: 'Rate limit exceeded' }, (message, s) => {
          const code = reasonWord(s).replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
          return { success: false, errors: [code], errorInfo: { code, message } };
        }),
  resources: {
    activities: { ...activities, commands: { create: createNote } },
    applications: { ...applications, commands: { 'move-stage': moveStage } },
    attachments,
    candidates,
    departments,
    interviews,
    job_form_fields: jobFormFields,
    job_interview_stages: jobInterviewStages,
    jobs,
    offers,
    offices,
    reject_reasons: rejectReasons,
    scorecards,
    tags,
    users,
  },
};
