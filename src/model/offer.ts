import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData, StringEnum } from './common.js';

export const OfferStatus = StringEnum(
  ['draft', 'approval_sent', 'approved', 'sent', 'sent_manually', 'opened', 'denied', 'signed', 'deprecated'],
  { description: "The offer's status" },
);

export const OfferSchema = Type.Object(
  {
    id: Type.String({ description: "The offer's unique identifier" }),
    application: Type.Optional(Ref('application')),
    candidate: Type.Optional(Ref('candidate')),
    job: Type.Optional(Ref('job')),
    creator: Type.Optional(Ref('user who created the offer')),
    closed_at: Type.Optional(DateTime('The date and time the offer was accepted or declined')),
    sent_at: Type.Optional(DateTime('The date and time the offer was sent')),
    // A day, not an instant: the integration's own date string (Truto prints no format for it).
    start_date: Type.Optional(Type.String({ description: "The candidate's start date" })),
    status: Type.Optional(OfferStatus),
    created_at: Type.Optional(DateTime("The date and time of the offer's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the offer's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Offer = Static<typeof OfferSchema>;
