import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { World, WorldApplication, WorldCandidate, WorldUser } from '../../../seed/world.js';
import { ids } from '../ids.js';

/** Pieces the Harvest v1 shapes share: integer ids, ISO dates with milliseconds, `null` for a missing value. */
export const Id = Type.Integer();
export const HarvestDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
/** Offers' `sent_at` and `starts_at` are days, not instants. */
export const HarvestDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const NullableString = Nullable(Type.String());
export const Fields = Type.Record(Type.String(), Type.Unknown());

/** How Harvest embeds a user in another record (hiring team, organizer, scorecard author, note author). */
export const GreenhouseUserRef = Type.Object(
  { id: Id, first_name: Type.String(), last_name: Type.String(), name: Type.String(), employee_id: NullableString },
  { additionalProperties: false },
);
export type GreenhouseUserRef = Static<typeof GreenhouseUserRef>;

export function userOf(world: World, n: number): WorldUser {
  const user = world.users[n - 1];
  if (!user || user.n !== n) throw new Error(`the world has no user ${n}`);
  return user;
}

export function userRef(world: World, n: number): GreenhouseUserRef {
  const u = userOf(world, n);
  return { id: Number(ids.user(u.n)), first_name: u.firstName, last_name: u.lastName, name: `${u.firstName} ${u.lastName}`, employee_id: null };
}

export const candidateId = (c: WorldCandidate): string => c.pinnedId ?? ids.candidate(c.n);
export const applicationId = (a: WorldApplication): string => a.pinnedId ?? ids.application(a.n);

export function applicationOf(c: WorldCandidate, n: number): WorldApplication {
  const application = c.applications.find((a) => a.n === n);
  if (!application) throw new Error(`candidate ${c.n} has no application ${n}`);
  return application;
}

/** What a mapping puts in `remote_data`: the raw record itself, top level only. */
export const remote = (raw: object): Record<string, unknown> => raw as Record<string, unknown>;
