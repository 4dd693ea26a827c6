import { Type, type Static } from '@sinclair/typebox';
import type { Organization } from '../../../model/organization.js';
import { BreezyDate, Id, Strict } from './common.js';

/** An item of `GET /v3/companies` and the answer of `GET /v3/company/:id` (amp-labs schema: these keys). */
export const BreezyCompany = Type.Object(
  {
    _id: Id,
    name: Type.String(),
    friendly_id: Type.String(),
    initial: Type.String({ minLength: 1, maxLength: 1 }),
    member_count: Type.Integer(),
    creation_date: BreezyDate,
    updated_date: BreezyDate,
  },
  Strict,
);
export type BreezyCompany = Static<typeof BreezyCompany>;

export const fields = ['id', 'name', 'created_at', 'updated_at'] as const;

export function companyToUnified(raw: BreezyCompany): Organization {
  return {
    id: raw._id,
    name: raw.name,
    created_at: raw.creation_date,
    updated_at: raw.updated_date,
    remote_data: raw as unknown as Record<string, unknown>,
  };
}
