import type { Activity } from '../../model/activity.js';
import type { Application } from '../../model/application.js';
import type { Attachment } from '../../model/attachment.js';
import type { Candidate } from '../../model/candidate.js';
import { iso } from '../../seed/reference-time.js';
import type { Rendered } from '../types.js';
import { nested } from '../nested.js';
import { ids } from './ids.js';
import type { LeverApplication, LeverAttachment, LeverNote, LeverOpportunity, LeverResume, LeverStage } from './raw.js';

/**
 * Lever → unified. An opportunity has a full name only (Truto splits it into first and last), emails and links
 * as bare strings (no type), no company or title of its own, no email consent flag, and no files (those are two
 * other endpoints). Its applications know their posting, dates and archive state, not a stage, source or reason name.
 */
export function candidateToUnified({ raw }: Rendered<LeverOpportunity>): Candidate {
  return {
    id: raw.id,
    ...splitName(raw.name),
    name: raw.name,
    is_private: raw.confidentiality === 'confidential',
    last_interaction_at: iso(raw.lastInteractionAt),
    locations: raw.location === '' ? [] : [raw.location],
    emails: raw.emails.map((email) => ({ email })),
    phones: raw.phones.map((p) => ({ number: p.value, type: p.type })),
    urls: raw.links.map((url) => ({ url })),
    tags: raw.tags.map((name) => ({ name })),
    applications: raw.applications.map((a) => nested(applicationToUnified(a))),
    created_at: iso(raw.createdAt),
    updated_at: iso(raw.updatedAt),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

/**
 * Lever's one `name` as Truto's Lever mapping fills `first_name` and `last_name`: the first word, then the rest
 * (`Mary Ann Smith` → `Mary` / `Ann Smith`). A one-word name has no last name; an empty one neither.
 */
export function splitName(name: string): { first_name?: string; last_name?: string } {
  const [first, ...rest] = name.trim().split(/\s+/).filter(Boolean);
  return { ...(first !== undefined ? { first_name: first } : {}), ...(rest.length > 0 ? { last_name: rest.join(' ') } : {}) };
}

export function applicationToUnified(raw: LeverApplication): Application {
  // An archive reason other than Hired is a rejection; Lever gives the reason's id only, not its words.
  const rejected = raw.archived !== null && !isHired(raw.archived.reason);
  return {
    id: raw.id,
    candidate: { id: raw.opportunityId },
    ...(raw.posting !== null ? { job: { id: raw.posting } } : {}),
    applied_at: iso(raw.createdAt),
    ...(rejected ? { rejected_at: iso(raw.archived!.archivedAt) } : {}),
    created_at: iso(raw.createdAt),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

/** Every Lever account has one built-in "Hired" archive reason. */
const HIRED = ids.archiveReason(0);
const isHired = (reason: string) => reason === HIRED;

export function isResume(raw: LeverAttachment): raw is LeverResume {
  return 'file' in raw;
}

/** A resume (from /resumes) or a file (from /files). Neither names its opportunity: Truto knows it from the call. */
export function attachmentToUnified({ raw, row }: Rendered<LeverAttachment>): Attachment {
  const resume = isResume(raw);
  return {
    id: raw.id,
    file_name: resume ? raw.file.name : raw.name,
    file_url: resume ? raw.file.downloadUrl : raw.downloadUrl,
    attachment_type: resume ? 'resume' : 'other',
    ...(row.refs.candidate !== undefined ? { candidate: { id: row.refs.candidate } } : {}),
    created_at: iso(resume ? raw.createdAt : raw.uploadedAt),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

/**
 * Truto reads no Lever application: its move-stage answer is the opportunity's application, where the opportunity
 * now stands (Lever keeps the stage on the opportunity, for its one live application) and when it moved.
 */
export function stagedApplicationToUnified(raw: LeverApplication, stage: LeverStage, movedAt: number): Application {
  const { remote_data, ...application } = applicationToUnified(raw);
  return { ...application, current_stage: { id: stage.id, name: stage.text }, updated_at: iso(movedAt), remote_data };
}

/** A note: its words are its one field's value; a secret note is for admins only, any other the whole team's. */
export function noteToUnified({ raw, row }: Rendered<LeverNote>): Activity {
  return {
    id: raw.id,
    ...(row.refs.candidate !== undefined ? { candidate: { id: row.refs.candidate } } : {}),
    actor: { id: raw.user, type: 'user' },
    activity_type: 'note',
    body: raw.fields[0]?.value ?? '',
    visibility: raw.secret ? 'admin_only' : 'public',
    created_at: iso(raw.createdAt),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
