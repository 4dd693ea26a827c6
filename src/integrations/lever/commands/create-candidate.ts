import type { CandidateCreateBody } from '../../../model/writes.js';
import { RemoteFailure, type WriteCommand, type WriteContext } from '../../types.js';
import { badRequest, notFound, writeCall } from '../api.js';
import { HIRE } from '../ids.js';
import type { LeverApplication, LeverPhone, StoredOpportunity } from '../raw.js';
import type { LeverPosting } from '../shapes/jobs.js';
import { applicationRecord, keyOf, tagRecord } from '../records.js';
import { candidates } from '../resources/candidates.js';
import { answered, performAs, pipeline, storeOpportunity, writtenId } from './opportunity-write.js';

const PHONE_TYPES = new Set<string>(['mobile', 'home', 'work', 'skype', 'other']);
const ORIGINS = new Set<string>(['agency', 'applied', 'internal', 'referred', 'sourced', 'university']);

/** What `POST /opportunities` takes, from the unified body (Lever has no company on an opportunity: see below). */
function leverBody(body: CandidateCreateBody, jobId: string, lead: boolean): Record<string, unknown> {
  return {
    name: [body.first_name, body.last_name].filter((p) => p !== undefined && p !== '').join(' '),
    headline: body.title ?? '',
    phones: (body.phones ?? []).map((p) => ({
      value: p.extension ? `${p.number} x${p.extension}` : p.number,
      type: p.type !== undefined && PHONE_TYPES.has(p.type) ? p.type : 'other',
    })),
    emails: (body.emails ?? []).map((e) => e.email),
    links: body.links ?? [],
    tags: body.tags ?? [],
    sources: [],
    origin: lead ? 'sourced' : 'applied',
    ...(body.locations?.[0] !== undefined ? { location: body.locations[0] } : {}),
    postings: [jobId],
    ...(body.remote_data ?? {}),
  };
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const phones = (v: unknown): v is LeverPhone[] =>
  Array.isArray(v) && v.every((p) => p !== null && typeof p === 'object' && typeof p.value === 'string' && PHONE_TYPES.has(String(p.type)));

/** Lever's refusal of a body (a field of another type, as `remote_data` may send). */
function checked(b: Record<string, unknown>): void {
  const bad =
    typeof b.name !== 'string' || b.name.trim() === '' ? 'name' :
    typeof b.headline !== 'string' ? 'headline' :
    !phones(b.phones) ? 'phones' :
    !strings(b.emails) ? 'emails' : !strings(b.links) ? 'links' : !strings(b.tags) ? 'tags' : !strings(b.sources) ? 'sources' :
    !ORIGINS.has(String(b.origin)) ? 'origin' :
    b.location !== undefined && typeof b.location !== 'string' ? 'location' : undefined;
  if (bad) throw new RemoteFailure(badRequest(bad === 'name' ? 'name is required' : `${bad} is invalid`));
}

/**
 * `POST /opportunities?perform_as=…`: a new opportunity applied to the posting, at the first stage of the account's
 * pipeline, with its one application. An address already on the account links it to that person's contact, as
 * Lever's dedupe does (`deduped: true`). The unified `company` is the application's (Lever's "Current company").
 */
export const createCandidate: WriteCommand = {
  required: { body: [], query: ['job_id'] },
  run(input, ctx) {
    const jobId = String(input.query.job_id);
    const postingRow = ctx.reader.get('posting', jobId);
    if (!postingRow) throw new RemoteFailure(notFound('posting')());
    const posting = JSON.parse(postingRow.raw) as LeverPosting;
    const user = performAs(input, ctx);
    const lead = input.query.application_source === 'lead';
    const unified = input.body as CandidateCreateBody;
    const body = leverBody(unified, jobId, lead);
    checked(body);
    const b = body as { name: string; headline: string; phones: LeverPhone[]; emails: string[]; links: string[]; tags: string[]; sources: string[]; origin: StoredOpportunity['origin']; location?: string };

    const id = writtenId(ctx, 'opportunity');
    const twin = ctx.reader.byKeys('opportunity', b.emails.map(keyOf.email))[0];
    const contact = twin ? (JSON.parse(twin.raw) as StoredOpportunity).contact : writtenId(ctx, 'contact');
    const stage = pipeline(ctx.reader)[0]!;
    const application: LeverApplication = {
      id: writtenId(ctx, 'application'),
      type: lead ? 'user' : 'posting',
      candidateId: id,
      opportunityId: id,
      posting: posting.id,
      postingHiringManager: posting.hiringManager,
      postingOwner: posting.owner,
      name: b.name,
      company: unified.company ?? null,
      phone: b.phones[0] ?? null,
      email: b.emails[0] ?? null,
      links: b.links,
      comments: null,
      user: lead ? user : null,
      customQuestions: [],
      createdAt: ctx.now,
      archived: null,
      requisitionForHire: null,
    };
    const opp: StoredOpportunity = {
      id,
      name: b.name,
      contact,
      headline: b.headline,
      stage: stage.id,
      confidentiality: 'non-confidential',
      location: b.location ?? '',
      phones: b.phones,
      emails: b.emails,
      links: b.links,
      archived: null,
      tags: [...new Set(b.tags)],
      sources: b.sources,
      stageChanges: [{ toStageId: stage.id, toStageIndex: 0, updatedAt: ctx.now, userId: user }],
      origin: b.origin,
      sourcedBy: b.origin === 'sourced' ? user : null,
      owner: user,
      followers: [user],
      applications: [application.id],
      createdAt: ctx.now,
      updatedAt: ctx.now,
      lastInteractionAt: ctx.now,
      lastAdvancedAt: ctx.now,
      snoozedUntil: null,
      urls: { list: `${HIRE}/candidates`, show: `${HIRE}/candidates/${id}` },
      isAnonymized: false,
      dataProtection: null,
      opportunityLocation: posting.categories.location ?? '',
    };
    ctx.put('application', applicationRecord(application, ctx.now));
    storeOpportunity(opp, ctx);
    countTags(opp.tags, ctx);

    const row = ctx.reader.get('opportunity', id)!;
    const [item] = candidates.render([row], ctx.reader, ctx.render);
    return {
      unified: candidates.toUnified(item!),
      remote: { status: 201, body: { deduped: twin !== undefined, data: answered(opp) } },
      call: writeCall('POST', '/opportunities', user, body),
    };
  },
};

/** `GET /tags` counts the opportunities carrying each tag: the new one counts, a new tag is listed after the others. */
function countTags(tags: readonly string[], ctx: WriteContext): void {
  for (const text of tags) {
    const row = ctx.reader.get('tag', text);
    const count = row ? (JSON.parse(row.raw) as { count: number }).count + 1 : 1;
    ctx.put('tag', tagRecord(text, count, row ? Date.parse(row.created_at) : ctx.now));
  }
}
