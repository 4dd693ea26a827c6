import type { Attachment } from '../../model/attachment.js';
import type { Candidate } from '../../model/candidate.js';
import type { Rendered } from '../types.js';
import type { AshbyAttachment, AshbyCandidate } from './raw.js';

/**
 * Ashby → unified. Fills only what `candidate.info` has: one full `name` (no first/last split), no privacy or
 * email-consent flags, no last-activity date; applications only by id (`applicationIds`); files only as handles,
 * so a candidate's attachments come from the attachments resource (`file.info` per handle), not from here.
 */
export function candidateToUnified({ raw }: Rendered<AshbyCandidate>): Candidate {
  return {
    id: raw.id,
    name: raw.name,
    ...(raw.company !== null ? { company: raw.company } : {}),
    ...(raw.position !== null ? { title: raw.position } : {}),
    locations: raw.primaryLocation ? [raw.primaryLocation.locationSummary] : [],
    emails: raw.emailAddresses.map((e) => ({ email: e.value, type: e.type })),
    phones: raw.phoneNumbers.map((p) => ({ number: p.value, type: p.type })),
    urls: raw.socialLinks.map((l) => ({ url: l.url, type: l.type })),
    tags: raw.tags.map((t) => ({ id: t.id, name: t.title })),
    applications: raw.applicationIds.map((id) => ({ id })),
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

/** A file handle, and whether the candidate's `resumeFileHandle` named it: Truto knows that from the field it read. */
export interface FileItem extends Rendered<AshbyAttachment> {
  resume: boolean;
}

/** A file handle has no date, no type word and no application: only resume or not, and whose it is. */
export function attachmentToUnified({ raw, row, resume }: FileItem): Attachment {
  return {
    id: raw.id,
    file_name: raw.name,
    file_url: raw.url,
    attachment_type: resume ? 'resume' : 'other',
    ...(row.candidate_id !== null ? { candidate: { id: row.candidate_id } } : {}),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
