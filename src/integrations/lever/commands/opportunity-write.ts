import { STAGES } from '../../../seed/vocabulary.js';
import { refKey } from '../../../store/records.js';
import { RemoteFailure, type AccountReader, type WriteContext, type WriteInput } from '../../types.js';
import { badRequest, notFound } from '../api.js';
import { ids, leverUuid } from '../ids.js';
import type { LeverApplication, LeverStage, LeverWrittenOpportunity, StoredOpportunity } from '../raw.js';
import { opportunityRecord } from '../records.js';

/**
 * What Lever's opportunity writes share: the user they are made as, the opportunity they name, the account's one
 * pipeline, ids of written records, and the opportunity as Lever's writes answer it.
 */

/** The account's first user is its super admin: the owner of the API key, whom a write is made as by default. */
const KEY_OWNER = ids.user(1);

/**
 * `perform_as`: the body's `user_id`, else the account's `perform_as` variable, else the key's owner. Lever refuses
 * a user it does not know.
 */
export function performAs(input: WriteInput, ctx: WriteContext): string {
  const user = String(input.body.user_id ?? ctx.variables.perform_as ?? KEY_OWNER);
  if (!ctx.reader.get('user', user)) throw new RemoteFailure(badRequest(`perform_as: ${user} is not a user on your account`));
  return user;
}

export function opportunityOf(id: string, reader: AccountReader): StoredOpportunity {
  const row = reader.get('opportunity', id);
  if (!row) throw new RemoteFailure(notFound('opportunity')());
  return JSON.parse(row.raw) as StoredOpportunity;
}

/** Lever's pipeline is the account's: its stages in pipeline order (those the world uses, as seeded). */
export function pipeline(reader: AccountReader): LeverStage[] {
  return STAGES.flatMap((name) => {
    const row = reader.get('stage', ids.stage(name));
    return row ? [JSON.parse(row.raw) as LeverStage] : [];
  });
}

/** The opportunity's applications, in its own order. */
export function applicationsOf(opp: StoredOpportunity, reader: AccountReader): LeverApplication[] {
  const byId = new Map(reader.byKeys('application', [refKey('candidate', opp.id)]).map((r) => [r.id, JSON.parse(r.raw) as LeverApplication]));
  return opp.applications.flatMap((id) => byId.get(id) ?? []);
}

/** Stores the changed opportunity, found again by its postings' keys (its applications are stored before it). */
export function storeOpportunity(opp: StoredOpportunity, ctx: WriteContext): void {
  const postings = applicationsOf(opp, ctx.reader).flatMap((a) => (a.posting !== null ? [a.posting] : []));
  ctx.put('opportunity', opportunityRecord(opp, postings));
}

/** A written record's id: a v4 UUID from the seed, the kind and the write's number (never the clock). */
export const writtenId = (ctx: WriteContext, kind: string): string => leverUuid(`written:${ctx.seed}:${kind}`, ctx.n);

/** The opportunity as Lever's writes answer it: ids not expanded, and no `opportunityLocation`. */
export function answered(opp: StoredOpportunity): LeverWrittenOpportunity {
  const { opportunityLocation: _, ...rest } = opp;
  return rest;
}
