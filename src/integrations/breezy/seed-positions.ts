import { iso } from '../../seed/reference-time.js';
import { OFFICE_PLACES } from '../../seed/vocabulary.js';
import type { World, WorldJob } from '../../seed/world.js';
import type { BreezyIds } from './ids.js';
import { applicationFormOf } from './seed-forms.js';
import type { BreezyPosition } from './shapes/positions.js';

const US = { id: 'US', name: 'United States' };
const COUNTRIES: Record<string, { id: string; name: string }> = {
  'United States': US,
  'United Kingdom': { id: 'GB', name: 'United Kingdom' },
  Germany: { id: 'DE', name: 'Germany' },
  Canada: { id: 'CA', name: 'Canada' },
};
const STATE_CODES: Record<string, string> = {
  California: 'CA', 'New York': 'NY', Texas: 'TX', Washington: 'WA', Illinois: 'IL', Massachusetts: 'MA', Colorado: 'CO',
  Ontario: 'ON', England: 'ENG',
};

/**
 * Breezy's structured location for a world office. Remote offices are remote positions in their region: Breezy
 * keeps one country per position, so EMEA-wide work is placed in the United Kingdom (its EMEA office's country).
 */
function locationOf(office: string): BreezyPosition['location'] {
  const remote = office.startsWith('Remote');
  const parts = (OFFICE_PLACES[office]?.location ?? office).split(', ');
  const country = COUNTRIES[parts[parts.length - 1]!] ?? (office === 'Remote (EMEA)' ? COUNTRIES['United Kingdom']! : US);
  if (remote) return { country, state: null, city: null, is_remote: true, name: office };
  const region = parts.length === 3 ? parts[1]! : null;
  return {
    country,
    state: region !== null ? { id: STATE_CODES[region] ?? region, name: region } : null,
    city: parts[0]!,
    is_remote: false,
    name: office,
  };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A world job as Breezy stores it: its hiring team is its users (recruiter, hiring manager, coordinator). */
export function positionOf(ids: BreezyIds, world: World, job: WorldJob): BreezyPosition {
  const _id = ids.position(job.n);
  const team = [job.recruiterN, job.hiringManagerN, ...(job.coordinatorN !== null ? [job.coordinatorN] : [])];
  const users = [...new Set(team)].map((n) => ids.user(world.users[n - 1]!.n));
  return {
    _id,
    name: job.title,
    friendly_id: `${_id}-${slug(job.title)}`,
    state: job.status === 'open' ? 'published' : job.status,
    type: { id: 'fullTime', name: 'Full-Time' },
    experience: null,
    education: null,
    department: job.department,
    category: { id: slug(job.department), name: job.department },
    location: locationOf(job.office),
    description: `<p>${escapeHtml(job.title)}, ${escapeHtml(job.department)}, ${escapeHtml(job.office)}.</p>`,
    application_form: applicationFormOf(job),
    pipeline_id: 'default',
    questionnaire_id: job.questions.some((q) => q.key === null) ? ids.questionnaire(job.n) : null,
    scorecard_id: null,
    requisition_id: null,
    candidate_type: 'candidate',
    org_type: 'position',
    bias_enabled: false,
    creator_id: users[0]!,
    all_users: users,
    all_admins: users.slice(0, 1),
    tags: [],
    custom_attributes: [],
    creation_date: iso(job.createdAt),
    updated_date: iso(job.updatedAt),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
