/**
 * Harvest v1 records of Truto's other ATS resources, one module per unified resource: each holds the raw schema,
 * `toHarvest…` (the raw record from the world), `…ToUnified` and `fields`.
 */
export * as activities from './activities.js';
export * as departments from './departments.js';
export * as eeocs from './eeoc.js';
export * as interviews from './interviews.js';
export * as job_form_fields from './job-form-fields.js';
export * as job_interview_stages from './job-stages.js';
export * as jobs from './jobs.js';
export * as offers from './offers.js';
export * as offices from './offices.js';
export * as reject_reasons from './reject-reasons.js';
export * as scorecards from './scorecards.js';
export * as tags from './tags.js';
export * as users from './users.js';
