import { Type, type Static } from '@sinclair/typebox';

/**
 * Breezy HR API v3 shapes (developer.breezy.hr: model-candidate, company-position-candidates; Airbyte's
 * source-breezy-hr schemas inferred from live answers): `_id` keys holding 12-hex ids, snake_case, ISO 8601 dates
 * with milliseconds, `null` where a value is absent.
 */
const Id = Type.String({ pattern: '^[0-9a-f]{12}$' });
const Str = Type.Union([Type.String(), Type.Null()]);
const Date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
const Strict = { additionalProperties: false } as const;
const YearMonth = Type.Object({ year: Type.Integer(), month: Type.Integer({ minimum: 1, maximum: 12 }) }, Strict);
const UserRef = Type.Object({ _id: Id, email_address: Type.String(), name: Type.String(), initial: Type.String(), username: Type.String() }, Strict);

/** The candidate's `resume`: also one of the files the documents list gives back. */
export const BreezyResume = Type.Object(
  { _id: Id, file_name: Type.String(), url: Type.String(), pdf_url: Type.String(), error: Type.Boolean() },
  Strict,
);

/** An item of `…/candidate/:candidate_id/documents`. */
export const BreezyDocument = Type.Object(
  { _id: Id, file_name: Type.String(), url: Type.String(), content_type: Type.String() },
  Strict,
);

/** What the mock's documents list answers: the resume first, then the other documents. */
export const BreezyFile = Type.Union([BreezyResume, BreezyDocument]);

export const BreezyCandidate = Type.Object(
  {
    _id: Id,
    meta_id: Id,
    name: Type.String(),
    initial: Type.String({ minLength: 1, maxLength: 1 }),
    email_address: Str,
    phone_number: Str,
    headline: Str,
    address: Str,
    summary: Str,
    cover_letter: Str,
    profile_photo_url: Str,
    origin: Type.Union(['applied', 'sourced', 'recruiter', 'referral'].map((o) => Type.Literal(o))),
    source: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), type: Type.String() }, Strict), Type.Null()]),
    stage: Type.Object({ id: Type.String(), name: Type.String() }, Strict),
    tags: Type.Array(Type.String()),
    creation_date: Date,
    updated_date: Date,
    disposition_date: Type.Union([Date, Type.Null()]),
    disposition_reason: Type.Union([Type.Object({ _id: Id, name: Type.String() }, Strict), Type.Null()]),
    assigned_to: Type.Union([UserRef, Type.Null()]),
    recruited_by: Type.Null(),
    referred_by: Type.Null(),
    sourced_by: Type.Null(),
    followed_by: Type.Record(Type.String(), Type.Null()),
    overall_score: Type.Object(
      {
        very_good: Type.Array(Type.String()),
        good: Type.Array(Type.String()),
        neutral: Type.Array(Type.String()),
        poor: Type.Array(Type.String()),
        very_poor: Type.Array(Type.String()),
        scored_count: Type.Integer(),
        score: Type.Number(),
      },
      Strict,
    ),
    questionnaire: Type.Null(),
    resume: Type.Union([BreezyResume, Type.Null()]),
    education: Type.Array(
      Type.Object(
        { school_name: Type.String(), field_of_study: Str, degree: Type.String(), is_current: Type.Boolean(), start_date: YearMonth, end_date: YearMonth },
        Strict,
      ),
    ),
    work_history: Type.Array(
      Type.Object(
        {
          company_name: Type.String(),
          title: Type.String(),
          summary: Str,
          is_current: Type.Boolean(),
          start_date: YearMonth,
          end_date: Type.Union([YearMonth, Type.Null()]),
        },
        Strict,
      ),
    ),
    social_profiles: Type.Array(
      Type.Object({ type: Type.String(), typeId: Type.String(), typeName: Type.String(), url: Type.String() }, Strict),
    ),
    custom_attributes: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), secure: Type.Boolean(), value: Type.String() }, Strict),
    ),
  },
  Strict,
);

/** A list answer: Breezy answers a bare JSON array, no paging metadata. */
export const BreezyCandidateList = Type.Array(BreezyCandidate);
export const BreezyFileList = Type.Array(BreezyFile);

/** Breezy's error envelope (documented for 400/401/500: `{ error: { type, message } }`). */
export const BreezyError = Type.Object(
  { error: Type.Object({ type: Type.String(), message: Type.String() }, Strict) },
  Strict,
);

export type BreezyResume = Static<typeof BreezyResume>;
export type BreezyDocument = Static<typeof BreezyDocument>;
export type BreezyFile = Static<typeof BreezyFile>;
export type BreezyCandidate = Static<typeof BreezyCandidate>;
export type BreezyError = Static<typeof BreezyError>;

/**
 * Breezy's answer for a candidate it does not find under that company and position. The documented bodies all
 * share the `{ error: { type, message } }` envelope; the 404's own type string is not documented, so this one is
 * named after the documented pattern.
 */
export type NotFoundWhat = 'candidate' | 'document' | 'company' | 'position';
export const notFoundBody = (what: NotFoundWhat): BreezyError => ({
  error: { type: `${what}NotFound`, message: `${what} not found` },
});
