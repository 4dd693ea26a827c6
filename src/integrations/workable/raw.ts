import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Workable SPI v3 shapes (workable.readme.io/reference; recorded answers of `GET /spi/v3/candidates/:id` and
 * `GET /spi/v3/candidates`): hex string ids, ISO dates in whole seconds, `null` for empty values. The list answers a
 * shorter candidate than the single get.
 */
const Id = Type.String({ pattern: '^[0-9a-f]{6,12}$' });
const DateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Str = Nullable(Type.String());
const Closed = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });

const Account = Closed({ subdomain: Type.String(), name: Type.String() });
const Job = Closed({ shortcode: Type.String({ pattern: '^[0-9A-Z]{6,12}$' }), title: Type.String() });
const StageKind = Type.Union(['sourced', 'applied', 'shortlisted', 'assessment', 'phone-screen', 'interview', 'offer', 'hired'].map((k) => Type.Literal(k)));

/** Keys the list and the get share, in the order Workable sends them. */
const head = {
  id: Id,
  name: Type.String(),
  firstname: Type.String(),
  lastname: Type.String(),
  headline: Str,
};

export const WorkableResumeMetadata = Closed({ filename: Type.String(), filetype: Type.String(), created_at: DateTime, updated_at: DateTime });

/** One item of `GET /candidates` (and `/jobs/:shortcode/candidates`): the summary Workable lists. */
export const WorkableCandidateListItem = Closed({
  ...head,
  account: Account,
  job: Job,
  stage: Type.String(),
  stage_kind: StageKind,
  disqualified: Type.Boolean(),
  anonymized: Type.Boolean(),
  disqualification_reason: Str,
  hired_at: Nullable(DateTime),
  moved_to_offer_at: Nullable(DateTime),
  sourced: Type.Boolean(),
  profile_url: Type.String(),
  address: Str,
  phone: Str,
  email: Str,
  domain: Str,
  outlet: Str,
  common_source: Str,
  common_source_category: Str,
  created_at: DateTime,
  updated_at: DateTime,
  resume_metadata: Nullable(WorkableResumeMetadata),
});

const Location = Closed({
  location_str: Str,
  country: Str,
  country_code: Str,
  region: Str,
  region_code: Str,
  city: Str,
  zip_code: Str,
});
const EducationEntry = Closed({
  id: Id,
  degree: Str,
  school: Type.String(),
  field_of_study: Str,
  start_date: Nullable(Day),
  end_date: Nullable(Day),
});
const ExperienceEntry = Closed({
  id: Id,
  title: Type.String(),
  summary: Str,
  start_date: Nullable(Day),
  end_date: Nullable(Day),
  company: Str,
  industry: Str,
  current: Type.Boolean(),
});
const SocialProfile = Closed({ type: Type.String(), name: Type.String(), username: Str, url: Type.String() });

/** `GET /candidates/:id`'s `candidate`: the full record (`social_profiles` only when it has some). */
export const WorkableCandidate = Closed({
  ...head,
  image_url: Str,
  account: Account,
  job: Job,
  stage: Type.String(),
  stage_kind: StageKind,
  disqualified: Type.Boolean(),
  disqualified_at: Nullable(DateTime),
  withdrew: Type.Boolean(),
  anonymized: Type.Boolean(),
  disqualification_reason: Str,
  hired_at: Nullable(DateTime),
  moved_to_offer_at: Nullable(DateTime),
  sourced: Type.Boolean(),
  profile_url: Type.String(),
  address: Str,
  phone: Str,
  email: Str,
  outbound_mailbox: Str,
  domain: Str,
  outlet: Str,
  common_source: Str,
  common_source_category: Str,
  uploader_id: Str,
  created_at: DateTime,
  updated_at: DateTime,
  cover_letter: Str,
  summary: Str,
  education_entries: Type.Array(EducationEntry),
  experience_entries: Type.Array(ExperienceEntry),
  skills: Type.Array(Type.String()),
  answers: Type.Array(Type.Object({})),
  resume_url: Str,
  tags: Type.Array(Type.String()),
  location: Location,
  originating_candidate_id: Nullable(Id),
  social_profiles: Type.Optional(Type.Array(SocialProfile)),
});

/** The raw candidate, whichever call answered it: the list's summary or the get's full record. */
export const WorkableAnyCandidate = Type.Union([WorkableCandidate, WorkableCandidateListItem]);

/** One item of `GET /candidates/:id/files` (its `files` array). */
export const WorkableFile = Closed({
  name: Type.String(),
  kind: Type.Union(['resume', 'cover_letter', 'offer', 'assessment', 'other'].map((k) => Type.Literal(k))),
  source: Type.Literal('upload'),
  preview_url: Type.String(),
});

export const WorkableCandidateAnswer = Closed({ candidate: WorkableCandidate });
export const WorkableCandidatesPage = Closed({
  candidates: Type.Array(WorkableCandidateListItem),
  paging: Type.Optional(Closed({ next: Type.String() })),
});
export const WorkableFilesAnswer = Closed({ files: Type.Array(WorkableFile) });
export const WorkableError = Closed({ error: Type.String() });

export type WorkableCandidateListItem = Static<typeof WorkableCandidateListItem>;
export type WorkableCandidate = Static<typeof WorkableCandidate>;
export type WorkableAnyCandidate = Static<typeof WorkableAnyCandidate>;
export type WorkableFile = Static<typeof WorkableFile>;
export type WorkableResumeMetadata = Static<typeof WorkableResumeMetadata>;

/** Workable's answer for an id it does not know (`content-length: 21`). */
export const NOT_FOUND_BODY = { error: 'Not found' } as const;
