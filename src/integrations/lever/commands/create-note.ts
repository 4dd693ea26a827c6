import { RemoteFailure, type WriteCommand } from '../../types.js';
import { badRequest, enc, writeCall } from '../api.js';
import { noteToUnified } from '../mapping.js';
import type { LeverNote } from '../raw.js';
import { noteRecord } from '../records.js';
import { opportunityOf, performAs, storeOpportunity, writtenId } from './opportunity-write.js';

/**
 * `POST /opportunities/{id}/notes?perform_as=…` `{ value, secret, createdAt? }`: a note at the opportunity's stage,
 * by the user it is made as. Lever has one secrecy flag: a private or admin-only note is secret, a public one not.
 * The opportunity's last interaction is now.
 */
export const createNote: WriteCommand = {
  required: { body: ['candidate_id'] },
  run(input, ctx) {
    const opp = opportunityOf(String(input.body.candidate_id), ctx.reader);
    const user = performAs(input, ctx);
    const given = input.body.created_at;
    const createdAt = given === undefined ? undefined : Date.parse(String(given));
    const body = {
      value: input.body.body,
      secret: input.body.visibility === 'private' || input.body.visibility === 'admin_only',
      ...(createdAt !== undefined ? { createdAt } : {}),
      ...(input.body.remote_data ?? {}),
    } as { value?: unknown; secret?: unknown; createdAt?: unknown };
    if (typeof body.value !== 'string' || body.value === '') throw new RemoteFailure(badRequest('value is required'));
    if (typeof body.secret !== 'boolean') throw new RemoteFailure(badRequest('secret is invalid'));
    if (body.createdAt !== undefined && !(Number.isSafeInteger(body.createdAt) && (body.createdAt as number) >= 0)) {
      throw new RemoteFailure(badRequest('createdAt is invalid'));
    }

    const at = (body.createdAt as number | undefined) ?? ctx.now;
    const note: LeverNote = {
      id: writtenId(ctx, 'note'),
      text: 'Note',
      fields: [{ createdAt: at, score: null, stage: opp.stage, text: 'Comment', type: 'note', user, value: body.value }],
      user,
      secret: body.secret,
      completedAt: at,
      deletedAt: null,
      createdAt: at,
    };
    const row = ctx.put('note', noteRecord(note, opp.id));
    opp.updatedAt = ctx.now;
    opp.lastInteractionAt = ctx.now;
    storeOpportunity(opp, ctx);
    return {
      unified: noteToUnified({ raw: note, row }),
      remote: { status: 201, body: { data: { ...note, noteId: note.id } } },
      call: writeCall('POST', `/opportunities/${enc(opp.id)}/notes`, user, body),
    };
  },
};
