import { Type, type Static } from '@sinclair/typebox';
import type { Office } from '../../../model/office.js';
import { Closed, Literals, Nullable, remote, Uuid } from './common.js';

/** `location.list` items (the docs' shape): a region is a `LocationHierarchy` without an address. */
export const AshbyLocation = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    isArchived: Type.Boolean(),
    address: Type.Optional(
      Type.Object(
        {
          postalAddress: Type.Object(
            {
              addressCountry: Type.Optional(Type.String()),
              addressRegion: Type.Optional(Type.String()),
              addressLocality: Type.Optional(Type.String()),
            },
            Closed,
          ),
        },
        Closed,
      ),
    ),
    isRemote: Type.Boolean(),
    workplaceType: Literals(['OnSite', 'Hybrid', 'Remote']),
    parentLocationId: Nullable(Uuid),
    type: Literals(['Location', 'LocationHierarchy']),
  },
  Closed,
);
export type AshbyLocation = Static<typeof AshbyLocation>;

/** `location` is the postal address written out (locality, region, country); a location has no dates in Ashby. */
export function locationToUnified(raw: AshbyLocation): Office {
  const a = raw.address?.postalAddress;
  return {
    id: raw.id,
    name: raw.name,
    ...(raw.parentLocationId !== null ? { parent: { id: raw.parentLocationId } } : {}),
    ...(a ? { location: [a.addressLocality, a.addressRegion, a.addressCountry].filter((p) => p !== undefined).join(', ') } : {}),
    is_remote: raw.isRemote,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'name', 'parent.id', 'location', 'is_remote'] as const;
