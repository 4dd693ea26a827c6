import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RemoteData } from './common.js';

/**
 * Truto's organization page could not be read (truto-api.md §5.6: fields unknown; only a `name` query parameter
 * is documented, for Jobvite). These are the fields every other resource has, plus `name`; nothing beyond them
 * is claimed.
 */
export const OrganizationSchema = Type.Object(
  {
    id: Type.String({ description: "The organization's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The organization's name" })),
    created_at: Type.Optional(DateTime("The date and time of the organization's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the organization's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Organization = Static<typeof OrganizationSchema>;
