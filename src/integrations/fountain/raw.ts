import { Type, type Static } from '@sinclair/typebox';

/**
 * Fountain Hire API v2 shapes (developer.fountain.com: List/Get Applicants, Secure Documents; the fountain-ruby
 * client's fixtures): UUID ids, times in the account's zone with milliseconds and offset, snake_case, `null` for
 * what an applicant did not give.
 */
const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' });
const Time = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}$' });
const Str = Type.Union([Type.String(), Type.Null()]);
const Ref = Type.Object({ id: Uuid, title: Type.String() }, { additionalProperties: false });

export const FountainAddress = Type.Object(
  {
    street_name: Str,
    address_2: Str,
    city: Str,
    state: Str,
    zipcode: Str,
    country: Str,
    latitude: Type.Union([Type.Number(), Type.Null()]),
    longitude: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const FountainApplicant = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    first_name: Type.String(),
    last_name: Type.String(),
    phone_number: Str,
    normalized_phone_number: Str,
    is_duplicate: Type.Boolean(),
    receive_automated_emails: Type.Boolean(),
    can_receive_sms: Type.Boolean(),
    phone_platform: Type.Union([Type.Literal('sms'), Type.Literal('whats_app')]),
    rejection_reason: Str,
    on_hold_reason: Str,
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'Custom fields, keyed by the account\'s data keys' }),
    created_at: Time,
    updated_at: Time,
    last_transitioned_at: Time,
    funnel: Type.Object({ id: Uuid, title: Type.String(), custom_id: Str }, { additionalProperties: false }),
    stage: Ref,
    addresses: Type.Array(FountainAddress),
    background_checks: Type.Array(
      Type.Object({ title: Type.String(), status: Type.String(), vendor: Type.String(), candidate_id: Type.String(), report_id: Type.String() }),
    ),
    document_signatures: Type.Array(
      Type.Object({ vendor: Type.String(), signature_id: Type.String(), status: Type.String(), file_url: Type.String() }),
    ),
    labels: Type.Array(Type.Object({ title: Type.String(), completed: Type.Boolean() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const FountainSecureDocument = Type.Object(
  {
    id: Uuid,
    name: Type.String({ description: 'The data key of the upload question (`resume`, `drivers_license`…)' }),
    friendly_name: Type.String(),
    filename: Type.String(),
    public_url: Type.String({ description: 'Public but temporary: 24 hours, or `ttl` seconds' }),
    size: Type.Integer({ minimum: 0 }),
    stage: Ref,
  },
  { additionalProperties: false },
);

/** `GET /v2/applicants`: the page and its cursors (the client reads `pagination.current_cursor` / `next_cursor`). */
export const FountainApplicantList = Type.Object(
  {
    applicants: Type.Array(FountainApplicant),
    pagination: Type.Object({ current_cursor: Str, next_cursor: Str }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/** `GET /v2/applicants/:id/secure_documents`. */
export const FountainSecureDocumentList = Type.Object(
  { secure_documents: Type.Array(FountainSecureDocument) },
  { additionalProperties: false },
);

/** `GET /v2/applicants/:id` answers the bare applicant. */
export const FountainApplicantAnswer = FountainApplicant;

export const FountainError = Type.Object({ message: Type.String() }, { additionalProperties: false });

export type FountainApplicant = Static<typeof FountainApplicant>;
export type FountainSecureDocument = Static<typeof FountainSecureDocument>;
export type FountainAddress = Static<typeof FountainAddress>;

/** Fountain's answer for an id it does not know (the fountain-ruby client's 404 stub: no live recording found). */
export const NOT_FOUND_BODY = { message: 'Requested resource not found' } as const;
