import { iso } from '../../../seed/reference-time.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import { RemoteFailure, type WriteContext, type WriteInput } from '../../types.js';
import { notFound, validationError } from '../api.js';
import type { GreenhouseApplication, GreenhouseCandidate } from '../raw.js';
import { applicationRecord, candidateRecord } from '../records.js';
import { applications } from '../resources/applications.js';

/**
 * What Harvest's application writes (move, reject) share: the application they name, the user they act On Behalf Of,
 * storing the changed application with its candidate's activity moved on, and the application as it now reads.
 */
export function activeApplication(input: WriteInput, ctx: WriteContext): { row: RecordRow; raw: GreenhouseApplication; onBehalfOf: string } {
  const id = String(input.body.application_id);
  const row = ctx.reader.get('application', id);
  if (!row) throw new RemoteFailure(notFound());
  // The body's user_id, else the account's variable: Harvest answers 404 for an On-Behalf-Of user it does not know.
  const onBehalfOf = String(input.body.user_id ?? ctx.variables.on_behalf_of_user_id);
  if (!ctx.reader.get('user', onBehalfOf)) throw new RemoteFailure(notFound());
  const raw = JSON.parse(row.raw) as GreenhouseApplication;
  if (raw.status !== 'active') {
    throw new RemoteFailure(validationError('application_id', `Only applications in the active state can be changed; this one is ${raw.status}`));
  }
  return { row, raw, onBehalfOf };
}

/** Stores the changed application (its activity at the write's time) and moves its candidate's activity on too. */
export function storeApplication(raw: GreenhouseApplication, ctx: WriteContext): { application: GreenhouseApplication; unified: object } {
  const at = iso(ctx.now);
  raw.last_activity_at = at;
  const row = ctx.put('application', applicationRecord(raw));
  const candidateRow = ctx.reader.get('candidate', String(raw.candidate_id));
  if (candidateRow) {
    const candidate = JSON.parse(candidateRow.raw) as GreenhouseCandidate;
    candidate.last_activity = at;
    candidate.updated_at = at;
    const jobs = ctx.reader.byKeys('application', [refKey('candidate', candidateRow.id)]).map((a) => a.refs.job!);
    ctx.put('candidate', candidateRecord(candidate, jobs));
  }
  const [item] = applications.render([row], ctx.reader, ctx.render);
  return { application: item!.raw, unified: applications.toUnified(item!) };
}
