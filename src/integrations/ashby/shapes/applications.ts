import type { Application } from '../../../model/application.js';
import type { AshbyApplication } from '../raw.js';
import { remote } from './common.js';

/**
 * `application.info`/`application.list`: applied when created; rejected when archived, with the archive reason's
 * text; the source's title as its name. Files are handles without links here (`file.info` is per file), so the
 * application's attachments are the attachments resource's business.
 */
export function applicationToUnified(raw: AshbyApplication): Application {
  const u = raw.creditedToUser;
  return {
    id: raw.id,
    candidate: { id: raw.candidate.id },
    job: { id: raw.job.id },
    applied_at: raw.createdAt,
    ...(raw.archivedAt !== null ? { rejected_at: raw.archivedAt } : {}),
    ...(raw.archiveReason !== null ? { reject_reason: raw.archiveReason.text } : {}),
    ...(raw.source !== null ? { source: { id: raw.source.id, name: raw.source.title } } : {}),
    ...(u !== null ? { credited_to: { id: u.id, first_name: u.firstName, last_name: u.lastName, emails: [{ email: u.email, is_primary: true }] } } : {}),
    current_stage: { id: raw.currentInterviewStage.id, name: raw.currentInterviewStage.title, job: { id: raw.job.id } },
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'candidate.id', 'job.id', 'applied_at', 'rejected_at', 'reject_reason', 'source.id', 'source.name', 'credited_to.id',
  'credited_to.first_name', 'credited_to.last_name', 'credited_to.emails.email', 'credited_to.emails.is_primary',
  'current_stage.id', 'current_stage.name', 'current_stage.job.id', 'created_at', 'updated_at',
] as const;
