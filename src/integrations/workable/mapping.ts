import type { Application } from '../../model/application.js';
import type { Attachment } from '../../model/attachment.js';
import type { Candidate } from '../../model/candidate.js';
import type { RecordRow } from '../../store/records.js';
import type { Rendered } from '../types.js';
import { stageSlug } from './ids.js';
import type { WorkableAnyCandidate, WorkableCandidate, WorkableFile } from './raw.js';

/**
 * Workable → unified. A Workable candidate is one person on one job, so its one application is itself (same id);
 * the stage is known by name only (its id is the slug Workable's `/stages` uses). Workable has no company, no
 * email/phone types, no private flag, no tag ids, no credited user and no file dates. The list's summary lacks
 * tags, social profiles, the disqualification date and the resume link: a listed candidate maps to less than the
 * same candidate fetched alone, as Truto's "partial response" note for Workable's list says.
 */
/** A candidate as rendered; a full one knows the stored file its `resume_url` points at (its id is the attachment's). */
export interface CandidateItem extends Rendered<WorkableAnyCandidate> {
  resume?: RecordRow;
}

export function candidateToUnified({ raw, resume }: CandidateItem): Candidate {
  const full = isFull(raw) ? raw : undefined;
  return {
    id: raw.id,
    first_name: raw.firstname,
    last_name: raw.lastname,
    name: raw.name,
    ...(raw.headline !== null ? { title: raw.headline } : {}),
    locations: raw.address !== null ? [raw.address] : [],
    emails: raw.email !== null ? [{ email: raw.email }] : [],
    phones: raw.phone !== null ? [{ number: raw.phone }] : [],
    ...(full
      ? {
          urls: (full.social_profiles ?? []).map((p) => ({ url: p.url, type: p.type })),
          tags: full.tags.map((name) => ({ name })),
          attachments:
            resume && full.resume_url !== null
              ? [{ id: resume.id, file_url: full.resume_url, attachment_type: 'resume', ...owners(raw) }]
              : [],
        }
      : {}),
    applications: [applicationToUnified(raw)],
    created_at: iso(raw.created_at),
    updated_at: iso(raw.updated_at),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

export function applicationToUnified(raw: WorkableAnyCandidate): Application {
  const job = { id: raw.job.shortcode };
  const rejectedAt = isFull(raw) ? raw.disqualified_at : null;
  return {
    id: raw.id,
    candidate: { id: raw.id },
    job,
    applied_at: iso(raw.created_at),
    ...(rejectedAt !== null ? { rejected_at: iso(rejectedAt) } : {}),
    ...(raw.disqualification_reason !== null ? { reject_reason: raw.disqualification_reason } : {}),
    ...(raw.common_source !== null ? { source: { name: raw.common_source } } : {}),
    current_stage: { id: stageSlug(raw.stage), name: raw.stage, job },
    created_at: iso(raw.created_at),
    updated_at: iso(raw.updated_at),
  };
}

/** What a fetched candidate fills beyond a listed one (`fields.candidates`): the get's extra keys. */
export const GET_ONLY_FIELDS = [
  'urls.url', 'urls.type', 'tags.name', 'applications.rejected_at',
  'attachments.id', 'attachments.file_url', 'attachments.attachment_type', 'attachments.candidate.id',
  'attachments.application.id', 'attachments.job.id',
] as const;

const UNIFIED_TYPES = new Set(['resume', 'cover_letter']);

export function attachmentToUnified({ raw, row }: Rendered<WorkableFile>): Attachment {
  // Workable's file carries neither id nor owner: Truto knows them from the candidate it read the files of.
  return {
    id: row.id,
    file_name: raw.name,
    file_url: raw.preview_url,
    attachment_type: (UNIFIED_TYPES.has(raw.kind) ? raw.kind : 'other') as Attachment['attachment_type'],
    ...(row.refs.candidate !== undefined ? { candidate: { id: row.refs.candidate } } : {}),
    ...(row.refs.application !== undefined ? { application: { id: row.refs.application } } : {}),
    ...(row.refs.job !== undefined ? { job: { id: row.refs.job } } : {}),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

const owners = (raw: WorkableAnyCandidate) => ({ candidate: { id: raw.id }, application: { id: raw.id }, job: { id: raw.job.shortcode } });

/** The get's full record, told from the list's summary by the keys only the get has. */
export const isFull = (raw: WorkableAnyCandidate): raw is WorkableCandidate => 'tags' in raw;

/** Workable's whole-second timestamps in the unified form (UTC, milliseconds). */
const iso = (s: string): string => `${s.slice(0, 19)}.000Z`;
