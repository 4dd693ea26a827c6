import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Lever API v1 shapes (hire.lever.co/developer/documentation): UUID ids (the default stages have slug ids), dates
 * as integer epoch milliseconds, camelCase keys, every answer wrapped in `data`.
 */
const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' });
const StageId = Type.Union([Uuid, Type.String({ pattern: '^(lead|applicant|offer)-[a-z-]+$' })]);
const Ms = Type.Integer({ minimum: 0, description: 'epoch milliseconds' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Lit = (values: string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const LeverPhone = Type.Object(
  { type: Lit(['mobile', 'home', 'work', 'skype', 'other']), value: Type.String() },
  { additionalProperties: false },
);
export const LeverArchived = Nullable(Type.Object({ reason: Uuid, archivedAt: Ms }, { additionalProperties: false }));

/** An application, as `expand=applications` puts it in its opportunity (at most one per opportunity in Lever). */
export const LeverApplication = Type.Object(
  {
    id: Uuid,
    type: Lit(['posting', 'user', 'referral']),
    candidateId: Uuid,
    opportunityId: Uuid,
    posting: Nullable(Uuid),
    postingHiringManager: Nullable(Uuid),
    postingOwner: Nullable(Uuid),
    name: Type.String(),
    company: Nullable(Type.String()),
    phone: Nullable(LeverPhone),
    email: Nullable(Type.String()),
    links: Type.Array(Type.String()),
    comments: Nullable(Type.String()),
    user: Nullable(Uuid),
    customQuestions: Type.Array(Type.Unknown()),
    createdAt: Ms,
    archived: LeverArchived,
    requisitionForHire: Type.Null(),
  },
  { additionalProperties: false },
);

/** A stage and a user as `expand=stage` / `expand=owner` put them in an opportunity. */
export const LeverStage = Type.Object({ id: StageId, text: Type.String() }, { additionalProperties: false });
export const LeverUser = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    username: Type.String(),
    email: Type.String(),
    accessRole: Lit(['super admin', 'admin', 'team member', 'limited team member', 'interviewer']),
    photo: Nullable(Type.String()),
    createdAt: Ms,
    deactivatedAt: Nullable(Ms),
    externalDirectoryId: Nullable(Type.String()),
    linkedContactIds: Nullable(Type.Array(Uuid)),
    jobTitle: Nullable(Type.String()),
    managerId: Nullable(Uuid),
  },
  { additionalProperties: false },
);
const OrUser = Type.Union([Uuid, LeverUser]);

export const LeverOpportunity = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    contact: Uuid,
    headline: Type.String(),
    stage: Type.Union([StageId, LeverStage]),
    confidentiality: Lit(['non-confidential', 'confidential']),
    location: Type.String(),
    phones: Type.Array(LeverPhone),
    emails: Type.Array(Type.String()),
    links: Type.Array(Type.String()),
    archived: LeverArchived,
    tags: Type.Array(Type.String()),
    sources: Type.Array(Type.String()),
    stageChanges: Type.Array(
      Type.Object({ toStageId: StageId, toStageIndex: Type.Integer(), updatedAt: Ms, userId: Uuid }, { additionalProperties: false }),
    ),
    origin: Lit(['agency', 'applied', 'internal', 'referred', 'sourced', 'university']),
    sourcedBy: Nullable(OrUser),
    owner: Nullable(OrUser),
    followers: Type.Array(OrUser),
    applications: Type.Array(LeverApplication),
    createdAt: Ms,
    updatedAt: Ms,
    lastInteractionAt: Ms,
    lastAdvancedAt: Ms,
    snoozedUntil: Nullable(Ms),
    urls: Type.Object({ list: Type.String(), show: Type.String() }, { additionalProperties: false }),
    isAnonymized: Type.Boolean(),
    dataProtection: Type.Null(),
    opportunityLocation: Type.String(),
  },
  { additionalProperties: false },
);

const FileStatus = Nullable(Lit(['processing', 'processed', 'unsupported', 'error']));
const YearMonth = Type.Object({ year: Type.Integer(), month: Nullable(Type.Integer()) }, { additionalProperties: false });

/** GET /opportunities/:id/resumes: the file and what Lever's parser read from it. */
export const LeverResume = Type.Object(
  {
    id: Uuid,
    createdAt: Ms,
    file: Type.Object(
      { name: Type.String(), ext: Type.String(), downloadUrl: Type.String(), uploadedAt: Ms, status: FileStatus, size: Type.Integer() },
      { additionalProperties: false },
    ),
    parsedData: Type.Object(
      {
        positions: Type.Array(
          Type.Object(
            { org: Type.String(), title: Type.String(), summary: Nullable(Type.String()), location: Nullable(Type.String()), start: YearMonth, end: Nullable(YearMonth) },
            { additionalProperties: false },
          ),
        ),
        schools: Type.Array(
          Type.Object(
            { org: Type.String(), degree: Type.String(), field: Nullable(Type.String()), summary: Nullable(Type.String()), start: YearMonth, end: YearMonth },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** GET /opportunities/:id/files: any other file on the opportunity (cover letters, tests, portfolios…). */
export const LeverFile = Type.Object(
  { id: Uuid, name: Type.String(), ext: Type.String(), downloadUrl: Type.String(), uploadedAt: Ms, status: FileStatus, size: Type.Integer() },
  { additionalProperties: false },
);

/** One row of Truto's Lever attachments: a resume or a file, from the two endpoints. */
export const LeverAttachment = Type.Union([LeverResume, LeverFile]);

/** GET /opportunities/:id/notes: the note's words are its one field's `value`; `text` is the literal "Note". */
export const LeverNote = Type.Object(
  {
    id: Uuid,
    text: Type.String(),
    fields: Type.Array(
      Type.Object(
        {
          createdAt: Ms,
          score: Type.Null(),
          stage: StageId,
          text: Type.String(),
          type: Type.Literal('note'),
          user: Uuid,
          value: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    user: Uuid,
    secret: Type.Boolean(),
    completedAt: Ms,
    deletedAt: Nullable(Ms),
    createdAt: Ms,
  },
  { additionalProperties: false },
);

/**
 * An opportunity as Lever's writes answer it: not expanded (application, stage and user ids), and without
 * `opportunityLocation` (live recordings of `POST /opportunities` and `PUT …/stage`).
 */
export const LeverWrittenOpportunity = Type.Composite([
  Type.Omit(LeverOpportunity, ['opportunityLocation', 'applications', 'stage', 'owner', 'sourcedBy', 'followers']),
  Type.Object({
    applications: Type.Array(Uuid),
    stage: StageId,
    owner: Nullable(Uuid),
    sourcedBy: Nullable(Uuid),
    followers: Type.Array(Uuid),
  }),
], { additionalProperties: false });

/** The answers of Lever's writes. */
export const LeverCreateOpportunityAnswer = Type.Object({ deduped: Type.Boolean(), data: LeverWrittenOpportunity }, { additionalProperties: false });
export const LeverNoteAnswer = Type.Object(
  { data: Type.Composite([LeverNote, Type.Object({ noteId: Uuid })], { additionalProperties: false }) },
  { additionalProperties: false },
);

/** The wrappers: `{ data }` for one record, `{ data, hasNext, next? }` for a page (`next` only when there is one). */
export const LeverSingle = <T extends TSchema>(t: T) => Type.Object({ data: t }, { additionalProperties: false });
export const LeverPage = <T extends TSchema>(t: T) =>
  Type.Object({ data: Type.Array(t), hasNext: Type.Boolean(), next: Type.Optional(Type.String()) }, { additionalProperties: false });
export const LeverError = Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false });

export type LeverPhone = Static<typeof LeverPhone>;
export type LeverApplication = Static<typeof LeverApplication>;
export type LeverOpportunity = Static<typeof LeverOpportunity>;
/** An opportunity as stored and as Lever sends it without `expand`: application ids only. */
export type StoredOpportunity = Omit<LeverOpportunity, 'applications' | 'stage' | 'owner' | 'sourcedBy' | 'followers'> & {
  applications: string[];
  stage: string;
  owner: string | null;
  sourcedBy: string | null;
  followers: string[];
};
export type LeverUser = Static<typeof LeverUser>;
export type LeverStage = Static<typeof LeverStage>;
export type LeverResume = Static<typeof LeverResume>;
export type LeverFile = Static<typeof LeverFile>;
export type LeverAttachment = Static<typeof LeverAttachment>;
export type LeverNote = Static<typeof LeverNote>;
export type LeverWrittenOpportunity = Static<typeof LeverWrittenOpportunity>;

/** Lever's 404 body (`{code, message}`, as recorded from its API; the message names the missing object). */
export const notFoundBody = (what: string) => ({ code: 'NotFoundError', message: `That ${what} doesn't exist on your account` });
