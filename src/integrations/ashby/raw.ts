import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { UUID_PATTERN } from './ids.js';

/**
 * Ashby API shapes (developers.ashbyhq.com; the OpenAPI document "Ashby API" 1.0.0; recorded `candidate.info`,
 * `candidate.list` and `application.info` answers): camelCase keys, UUID ids, ISO 8601 UTC dates with
 * milliseconds, fields without a value left out (`primaryLocation`, `resumeFileHandle`) or `null`.
 */
const Uuid = Type.String({ pattern: UUID_PATTERN });
const Date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
const Closed = { additionalProperties: false } as const;

const ContactType = Type.Union([Type.Literal('Personal'), Type.Literal('Work'), Type.Literal('Other')]);
export const AshbyContact = Type.Object({ value: Type.String(), type: ContactType, isPrimary: Type.Boolean() }, Closed);
export const AshbyFileHandle = Type.Object({ id: Uuid, name: Type.String(), handle: Type.String() }, Closed);
const Titled = Type.Object({ id: Uuid, title: Type.String(), isArchived: Type.Boolean() }, Closed);
export const AshbySource = Type.Object(
  { id: Uuid, title: Type.String(), isArchived: Type.Boolean(), sourceType: Titled },
  Closed,
);
export const AshbyUser = Type.Object(
  {
    id: Uuid,
    firstName: Type.String(),
    lastName: Type.String(),
    email: Type.String(),
    globalRole: Type.Union(['Organization Admin', 'Elevated Access', 'Limited Access', 'External Recruiter'].map((r) => Type.Literal(r))),
    isEnabled: Type.Boolean(),
    updatedAt: Date,
  },
  Closed,
);
const CustomFields = Type.Array(
  Type.Object({ id: Uuid, isPrivate: Type.Boolean(), title: Type.String(), value: Type.Unknown() }, Closed),
);

/** `candidate.info`'s `results`, and each item of `candidate.list` / `candidate.search`. */
export const AshbyCandidate = Type.Object(
  {
    id: Uuid,
    createdAt: Date,
    updatedAt: Date,
    name: Type.String(),
    primaryEmailAddress: Type.Optional(AshbyContact),
    emailAddresses: Type.Array(AshbyContact),
    primaryPhoneNumber: Type.Optional(AshbyContact),
    phoneNumbers: Type.Array(AshbyContact),
    socialLinks: Type.Array(Type.Object({ type: Type.String(), url: Type.String() }, Closed)),
    tags: Type.Array(Titled),
    position: Type.Union([Type.String(), Type.Null()]),
    company: Type.Union([Type.String(), Type.Null()]),
    school: Type.Union([Type.String(), Type.Null()]),
    applicationIds: Type.Array(Uuid),
    resumeFileHandle: Type.Optional(AshbyFileHandle),
    fileHandles: Type.Array(AshbyFileHandle),
    customFields: CustomFields,
    profileUrl: Type.String(),
    source: Type.Union([AshbySource, Type.Null()]),
    creditedToUser: Type.Union([AshbyUser, Type.Null()]),
    timezone: Type.Union([Type.String(), Type.Null()]),
    primaryLocation: Type.Optional(
      Type.Object(
        {
          id: Uuid,
          locationSummary: Type.String(),
          locationComponents: Type.Array(
            Type.Object({ type: Type.Union([Type.Literal('City'), Type.Literal('Region'), Type.Literal('Country')]), name: Type.String() }, Closed),
          ),
        },
        Closed,
      ),
    ),
    fraudStatus: Type.Union([Type.String(), Type.Null()]),
  },
  Closed,
);

/**
 * One attachment as Truto reads it: a file handle of the candidate (`candidate.info` → `fileHandles`) with the
 * download `url` that `file.info` answers for it beside it. Ashby has no attachment object of its own.
 */
export const AshbyAttachment = Type.Object(
  { id: Uuid, name: Type.String(), handle: Type.String(), url: Type.String() },
  Closed,
);

/** `application.info`'s `results` (stored for the job and file links; not a unified resource of the mock). */
export const AshbyApplication = Type.Object(
  {
    id: Uuid,
    createdAt: Date,
    updatedAt: Date,
    archivedAt: Type.Union([Date, Type.Null()]),
    candidate: Type.Object(
      { id: Uuid, name: Type.String(), primaryEmailAddress: Type.Optional(AshbyContact), primaryPhoneNumber: Type.Optional(AshbyContact) },
      Closed,
    ),
    status: Type.Union([Type.Literal('Active'), Type.Literal('Archived'), Type.Literal('Hired'), Type.Literal('Lead')]),
    resumeFileHandle: Type.Optional(AshbyFileHandle),
    customFields: CustomFields,
    currentInterviewStage: Type.Object(
      {
        id: Uuid,
        title: Type.String(),
        type: Type.String(),
        interviewPlanId: Uuid,
        orderInInterviewPlan: Type.Integer(),
        interviewStageGroupId: Uuid,
      },
      Closed,
    ),
    source: Type.Union([AshbySource, Type.Null()]),
    creditedToUser: Type.Union([AshbyUser, Type.Null()]),
    archiveReason: Type.Union([
      Type.Object(
        { id: Uuid, text: Type.String(), reasonType: Type.String(), isArchived: Type.Boolean(), customFields: CustomFields },
        Closed,
      ),
      Type.Null(),
    ]),
    job: Type.Object({ id: Uuid, title: Type.String(), locationId: Uuid, departmentId: Uuid }, Closed),
    hiringTeam: Type.Array(
      Type.Object({ email: Type.String(), firstName: Type.String(), lastName: Type.String(), role: Type.String(), userId: Uuid }, Closed),
    ),
    appliedViaJobPostingId: Type.Union([Uuid, Type.Null()]),
    applicationHistory: Type.Array(
      Type.Object(
        {
          id: Uuid,
          stageId: Uuid,
          title: Type.String(),
          stageNumber: Type.Integer(),
          enteredStageAt: Date,
          leftStageAt: Type.Optional(Date),
          allowedActions: Type.Array(Type.String()),
          actorId: Type.Union([Uuid, Type.Null()]),
        },
        Closed,
      ),
    ),
    submitterClientIp: Type.Null(),
    submitterUserAgent: Type.Null(),
  },
  Closed,
);

export type AshbyContact = Static<typeof AshbyContact>;
export type AshbyFileHandle = Static<typeof AshbyFileHandle>;
export type AshbySource = Static<typeof AshbySource>;
export type AshbyUser = Static<typeof AshbyUser>;
export type AshbyCandidate = Static<typeof AshbyCandidate>;
export type AshbyAttachment = Static<typeof AshbyAttachment>;
export type AshbyApplication = Static<typeof AshbyApplication>;

/** Ashby's success wrapper of a single record (`*.info`). */
export const AshbyInfo = <T extends TSchema>(results: T) =>
  Type.Object({ success: Type.Literal(true), results }, Closed);

/** A page of a paginated `*.list`: `nextCursor` while more data is available, `syncToken` on the last page. */
export const AshbyListPage = <T extends TSchema>(item: T) =>
  Type.Object(
    {
      success: Type.Literal(true),
      results: Type.Array(item),
      moreDataAvailable: Type.Boolean(),
      nextCursor: Type.Optional(Type.String()),
      syncToken: Type.Optional(Type.String()),
    },
    Closed,
  );

/** `candidate.search`: not paginated, at most 100 results. */
export const AshbySearchAnswer = <T extends TSchema>(item: T) =>
  Type.Object({ success: Type.Literal(true), results: Type.Array(item) }, Closed);

/**
 * Ashby's failure answer: HTTP 200 with `success: false` ("what would be 4XX errors will return 200 with success
 * being false"), the legacy `errors` codes and the newer `errorInfo`.
 */
export const AshbyError = Type.Object(
  {
    success: Type.Literal(false),
    errors: Type.Array(Type.String()),
    errorInfo: Type.Object({ code: Type.String(), message: Type.String(), requestId: Type.String() }, Closed),
  },
  Closed,
);
export type AshbyError = Static<typeof AshbyError>;
