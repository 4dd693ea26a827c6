import { Type, type Static } from '@sinclair/typebox';

/** Greenhouse Harvest v1 shapes (developers.greenhouse.io/harvest.html): integer ids, ISO dates with milliseconds. */
const Id = Type.Integer();
const Str = Type.Union([Type.String(), Type.Null()]);
const Date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
const NullableDate = Type.Union([Date, Type.Null()]);
const Valued = (types: string[]) =>
  Type.Object({ value: Type.String(), type: Type.Union(types.map((t) => Type.Literal(t))) }, { additionalProperties: false });
const UserRef = Type.Object(
  { id: Id, first_name: Type.String(), last_name: Type.String(), name: Type.String(), employee_id: Str },
  { additionalProperties: false },
);
const Fields = Type.Record(Type.String(), Type.Unknown());

export const GreenhouseAttachment = Type.Object(
  {
    filename: Type.String(),
    url: Type.String(),
    type: Type.Union(
      ['resume', 'cover_letter', 'offer_packet', 'offer_letter', 'take_home_test', 'other'].map((t) => Type.Literal(t)),
    ),
    created_at: Date,
  },
  { additionalProperties: false },
);

export const GreenhouseApplication = Type.Object(
  {
    id: Id,
    candidate_id: Id,
    prospect: Type.Boolean(),
    applied_at: Date,
    rejected_at: NullableDate,
    last_activity_at: Date,
    location: Type.Union([Type.Object({ address: Type.String() }), Type.Null()]),
    source: Type.Union([Type.Object({ id: Id, public_name: Type.String() }, { additionalProperties: false }), Type.Null()]),
    credited_to: Type.Union([UserRef, Type.Null()]),
    recruiter: Type.Union([UserRef, Type.Null()]),
    coordinator: Type.Union([UserRef, Type.Null()]),
    rejection_reason: Type.Union([
      Type.Object(
        { id: Id, name: Type.String(), type: Type.Object({ id: Id, name: Type.String() }) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    rejection_details: Type.Union([Type.Object({ custom_fields: Fields, keyed_custom_fields: Fields }), Type.Null()]),
    jobs: Type.Array(Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false })),
    job_post_id: Type.Union([Id, Type.Null()]),
    status: Type.Union(['active', 'rejected', 'hired', 'converted'].map((s) => Type.Literal(s))),
    current_stage: Type.Union([Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }), Type.Null()]),
    answers: Type.Array(Type.Object({ question: Type.String(), answer: Type.String() })),
    prospective_office: Type.Null(),
    prospective_department: Type.Null(),
    prospect_detail: Type.Object({ prospect_pool: Type.Null(), prospect_stage: Type.Null(), prospect_owner: Type.Null() }),
    custom_fields: Fields,
    keyed_custom_fields: Fields,
    attachments: Type.Array(GreenhouseAttachment),
  },
  { additionalProperties: false },
);

export const GreenhouseCandidate = Type.Object(
  {
    id: Id,
    first_name: Type.String(),
    last_name: Type.String(),
    company: Str,
    title: Str,
    created_at: Date,
    updated_at: Date,
    last_activity: Date,
    is_private: Type.Boolean(),
    photo_url: Type.Null(),
    attachments: Type.Array(GreenhouseAttachment),
    application_ids: Type.Array(Id),
    phone_numbers: Type.Array(Valued(['home', 'work', 'mobile', 'skype', 'other'])),
    addresses: Type.Array(Valued(['home', 'work', 'other'])),
    email_addresses: Type.Array(Valued(['personal', 'work', 'other'])),
    website_addresses: Type.Array(Valued(['personal', 'company', 'portfolio', 'blog', 'other'])),
    social_media_addresses: Type.Array(Type.Object({ value: Type.String() }, { additionalProperties: false })),
    recruiter: Type.Union([UserRef, Type.Null()]),
    coordinator: Type.Union([UserRef, Type.Null()]),
    can_email: Type.Boolean(),
    tags: Type.Array(Type.String()),
    applications: Type.Array(GreenhouseApplication),
    educations: Type.Array(
      Type.Object({
        id: Id,
        school_name: Type.String(),
        degree: Type.String(),
        discipline: Str,
        start_date: Date,
        end_date: Date,
      }),
    ),
    employments: Type.Array(
      Type.Object({ id: Id, company_name: Type.String(), title: Type.String(), start_date: Date, end_date: NullableDate }),
    ),
    linked_user_ids: Type.Array(Id),
    custom_fields: Fields,
    keyed_custom_fields: Fields,
  },
  { additionalProperties: false },
);

export type GreenhouseAttachment = Static<typeof GreenhouseAttachment>;
export type GreenhouseApplication = Static<typeof GreenhouseApplication>;
export type GreenhouseCandidate = Static<typeof GreenhouseCandidate>;

/** Greenhouse's own answer for an id it does not know (recorded from the live API). */
export const NOT_FOUND_BODY = { message: 'Resource not found' } as const;

/**
 * Harvest's failures carry one `message` (the shape of NOT_FOUND_BODY); the wordings of the others are Harvest's
 * documented reasons, used when a fault rule injects a remote error for that status.
 */
export const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  401: 'Invalid Basic Auth credentials',
  403: 'This API key does not have permission to access this endpoint',
  404: NOT_FOUND_BODY.message,
  422: 'Validation error',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
