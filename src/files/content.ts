import type { Attachment } from '../model/attachment.js';
import type { Candidate } from '../model/candidate.js';
import type { DocumentContent } from './documents.js';

/** What a downloaded file says: written from the candidate it belongs to, so the file and the record agree. */
export function documentContent(attachment: Attachment, candidate: Candidate | undefined): DocumentContent {
  const name = candidate?.name ?? 'Candidate';
  const contact = [...(candidate?.emails ?? []).map((e) => e.email), ...(candidate?.phones ?? []).map((p) => p.number)];
  const where = candidate?.locations?.[0];
  const role = [candidate?.title, candidate?.company].filter(Boolean).join(' at ');
  switch (attachment.attachment_type) {
    case 'resume':
      return {
        title: `${name} — Resume`,
        lines: [
          contact.join(' · '),
          ...(where ? [where] : []),
          '',
          'Experience',
          ...(role ? [role] : []),
          'Delivered projects end to end with cross-functional teams; mentored colleagues; improved reliability and speed.',
          '',
          'Skills',
          'Communication · Collaboration · Problem solving · Ownership',
        ],
      };
    case 'cover_letter':
      return {
        title: `${name} — Cover Letter`,
        lines: [
          'Dear Hiring Team,',
          '',
          `I am writing to apply for the role. ${role ? `As ${role}, ` : ''}I have built the skills this position asks for,`,
          'and I would welcome the chance to talk about how I can help your team.',
          '',
          'Sincerely,',
          name,
          contact[0] ?? '',
        ],
      };
    default:
      return {
        title: `${name} — ${attachment.file_name ?? 'Document'}`,
        lines: [`Supporting document for ${name}.`, ...(contact.length ? [contact.join(' · ')] : [])],
      };
  }
}
