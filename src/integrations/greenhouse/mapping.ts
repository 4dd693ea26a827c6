import type { Application } from '../../model/application.js';
import type { Attachment } from '../../model/attachment.js';
import type { Candidate } from '../../model/candidate.js';
import type { RecordRow } from '../../store/records.js';
import type { Rendered } from '../types.js';
import { nested } from '../nested.js';
import type { GreenhouseApplication, GreenhouseAttachment, GreenhouseCandidate } from './raw.js';

/** A candidate as rendered, with the stored rows of the attachments embedded in it (they carry their ids). */
export interface CandidateItem extends Rendered<GreenhouseCandidate> {
  files: ReadonlyMap<GreenhouseAttachment, RecordRow>;
}

/**
 * Greenhouse → unified. Fills only what Harvest has: no phone extensions, no tag ids, no stage dates, no
 * attachment update time, no emails for the credited user.
 */
export function candidateToUnified({ raw, files }: CandidateItem): Candidate {
  const attachment = (a: GreenhouseAttachment) => attachmentToUnified({ raw: a, row: files.get(a)! });
  return {
    id: String(raw.id),
    first_name: raw.first_name,
    last_name: raw.last_name,
    name: [raw.first_name, raw.last_name].filter(Boolean).join(' '),
    ...(raw.company !== null ? { company: raw.company } : {}),
    ...(raw.title !== null ? { title: raw.title } : {}),
    is_private: raw.is_private,
    can_email: raw.can_email,
    last_interaction_at: raw.last_activity,
    locations: raw.addresses.map((a) => a.value),
    emails: raw.email_addresses.map((e) => ({ email: e.value, type: e.type })),
    phones: raw.phone_numbers.map((p) => ({ number: p.value, type: p.type })),
    urls: [
      ...raw.website_addresses.map((w) => ({ url: w.value, type: w.type })),
      ...raw.social_media_addresses.map((s) => ({ url: s.value })),
    ],
    tags: raw.tags.map((name) => ({ name })),
    applications: raw.applications.map((a) => nested(applicationToUnified(a, attachment))),
    attachments: raw.attachments.map((a) => nested(attachment(a))),
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

export function applicationToUnified(raw: GreenhouseApplication, attachment: (a: GreenhouseAttachment) => Attachment): Application {
  const job = raw.jobs[0];
  return {
    id: String(raw.id),
    candidate: { id: String(raw.candidate_id) },
    ...(job ? { job: { id: String(job.id) } } : {}),
    applied_at: raw.applied_at,
    ...(raw.rejected_at !== null ? { rejected_at: raw.rejected_at } : {}),
    ...(raw.rejection_reason ? { reject_reason: raw.rejection_reason.name } : {}),
    ...(raw.source ? { source: { id: String(raw.source.id), name: raw.source.public_name } } : {}),
    ...(raw.credited_to
      ? { credited_to: { id: String(raw.credited_to.id), first_name: raw.credited_to.first_name, last_name: raw.credited_to.last_name } }
      : {}),
    ...(raw.current_stage
      ? {
          current_stage: {
            id: String(raw.current_stage.id),
            name: raw.current_stage.name,
            ...(job ? { job: { id: String(job.id) } } : {}),
          },
        }
      : {}),
    attachments: raw.attachments.map((a) => nested(attachment(a))),
    created_at: raw.applied_at,
    updated_at: raw.last_activity_at,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

const UNIFIED_TYPES = new Set(['resume', 'cover_letter']);

export function attachmentToUnified({ raw, row }: Rendered<GreenhouseAttachment>): Attachment {
  // Harvest's attachment carries neither id nor owner: Truto knows them from the record it was read from.
  return {
    id: row.id,
    file_name: raw.filename,
    file_url: raw.url,
    attachment_type: (UNIFIED_TYPES.has(raw.type) ? raw.type : 'other') as Attachment['attachment_type'],
    ...(row.candidate_id !== null ? { candidate: { id: row.candidate_id } } : {}),
    ...(row.application_id !== null ? { application: { id: row.application_id } } : {}),
    ...(row.job_id !== null ? { job: { id: row.job_id } } : {}),
    created_at: raw.created_at,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
