import type { Attachment } from '../../model/attachment.js';
import type { Candidate } from '../../model/candidate.js';
import type { Rendered } from '../types.js';
import type { FountainApplicant, FountainSecureDocument } from './raw.js';
import { utc } from './time.js';

/**
 * Fountain → unified. An applicant is a person in one opening, so its one application is itself (same id, the
 * funnel as job, its stage). Fountain has no company, title, privacy flag, phone type, email type, URLs,
 * application dates or sources, and no attachment type or dates: those stay out.
 */
export function applicantToUnified({ raw }: Rendered<FountainApplicant>): Candidate {
  const job = { id: raw.funnel.id };
  return {
    id: raw.id,
    first_name: raw.first_name,
    last_name: raw.last_name,
    name: raw.name,
    locations: raw.addresses.map((a) => [a.city, a.state ?? a.country].filter(Boolean).join(', ')),
    emails: [{ email: raw.email }],
    phones: raw.phone_number ? [{ number: raw.phone_number }] : [],
    tags: raw.labels.map((l) => ({ name: l.title })),
    applications: [
      {
        id: raw.id,
        candidate: { id: raw.id },
        job,
        ...(raw.rejection_reason !== null ? { reject_reason: raw.rejection_reason } : {}),
        current_stage: { id: raw.stage.id, name: raw.stage.title, job },
      },
    ],
    created_at: utc(raw.created_at),
    updated_at: utc(raw.updated_at),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

export function secureDocumentToUnified({ raw, row }: Rendered<FountainSecureDocument>): Attachment {
  // A secure document names neither its applicant nor its opening: Truto knows the applicant from the call.
  return {
    id: raw.id,
    file_name: raw.filename,
    file_url: raw.public_url,
    ...(row.candidate_id !== null ? { candidate: { id: row.candidate_id } } : {}),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
