import type { Integration } from '../types.js';
import { ERROR_MESSAGES } from './raw.js';
import { activities } from './resources/activities.js';
import { moveStage } from './commands/move-stage.js';
import { reject } from './commands/reject.js';
import { applications } from './resources/applications.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { departments } from './resources/departments.js';
import { eeocs } from './resources/eeocs.js';
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
import { greenhouseSeed } from './seed.js';

/** Greenhouse Harvest v1: every unified ATS resource but organizations (Truto's coverage). */
export const greenhouse: Integration = {
  name: 'greenhouse',
  // Harvest: per_page defaults to 100, at most 500.
  pageSize: { default: 100, max: 500 },
  seed: greenhouseSeed,
  errorBody: (statusCode) => {
    const message = ERROR_MESSAGES[statusCode] ?? `Request failed with status ${statusCode}`;
    return { statusCode, message, body: { message } };
  },
  resources: {
    activities,
    // The writes live beside the reads they change; `resources/applications.ts` stays a read.
    applications: { ...applications, commands: { 'move-stage': moveStage, reject } },
    attachments,
    candidates,
    departments,
    eeocs,
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
