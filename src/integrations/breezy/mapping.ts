import type { Application } from '../../model/application.js';
import type { Attachment } from '../../model/attachment.js';
import type { Candidate } from '../../model/candidate.js';
import type { Rendered } from '../types.js';
import { nested } from '../nested.js';
import type { BreezyCandidate, BreezyFile } from './raw.js';

/**
 * Breezy → unified. Breezy has one `name` (no first/last), one email and one phone without a kind, no privacy or
 * email consent flags, no last-interaction date, no tag ids, no credited user, no stage dates and no dates on
 * files: those stay unset. The candidate record is also the application (it lives under one position), so its
 * one application has the candidate's `_id`; the position comes from the call it was read through.
 */
export function candidateToUnified({ raw, row }: Rendered<BreezyCandidate>): Candidate {
  const jobId = row.job_id;
  const current = raw.work_history.find((w) => w.is_current);
  const job = jobId !== null ? { job: { id: jobId } } : {};
  const application: Application = {
    id: raw._id,
    candidate: { id: raw._id },
    ...job,
    applied_at: raw.creation_date,
    ...(raw.disposition_date !== null ? { rejected_at: raw.disposition_date } : {}),
    ...(raw.disposition_reason ? { reject_reason: raw.disposition_reason.name } : {}),
    ...(raw.source ? { source: { id: raw.source.id, name: raw.source.name } } : {}),
    current_stage: { id: raw.stage.id, name: raw.stage.name, ...job },
    created_at: raw.creation_date,
    updated_at: raw.updated_date,
  };
  return {
    id: raw._id,
    name: raw.name,
    ...(current ? { company: current.company_name } : {}),
    ...(raw.headline !== null ? { title: raw.headline } : {}),
    locations: raw.address !== null ? [raw.address] : [],
    emails: raw.email_address !== null ? [{ email: raw.email_address }] : [],
    phones: raw.phone_number !== null ? [{ number: raw.phone_number }] : [],
    urls: raw.social_profiles.map((p) => ({ url: p.url, type: p.type })),
    tags: raw.tags.map((name) => ({ name })),
    applications: [application],
    attachments: raw.resume ? [nested(fileToUnified(raw.resume, { candidate: raw._id, job: jobId }))] : [],
    created_at: raw.creation_date,
    updated_at: raw.updated_date,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

/** A file of the documents list; its owner is the candidate and position it was listed under. */
export function attachmentToUnified({ raw, row }: Rendered<BreezyFile>): Attachment {
  return fileToUnified(raw, { candidate: row.candidate_id, job: row.job_id });
}

function fileToUnified(raw: BreezyFile, owner: { candidate: string | null; job: string | null }): Attachment {
  return {
    id: raw._id,
    file_name: raw.file_name,
    file_url: raw.url,
    // Breezy types only the resume; its other documents carry no kind.
    attachment_type: 'pdf_url' in raw ? 'resume' : 'other',
    ...(owner.candidate !== null ? { candidate: { id: owner.candidate } } : {}),
    ...(owner.job !== null ? { job: { id: owner.job } } : {}),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
