import { iso } from '../../../seed/reference-time.js';
import { RemoteFailure, type WriteCommand } from '../../types.js';
import { call, invalidInput, notFoundOf } from '../api.js';
import { uuid } from '../ids.js';
import type { AshbyUser } from '../raw.js';
import { noteRecord, roleKey } from '../records.js';
import type { AshbyNote } from '../shapes/activities.js';
import { noteToUnified } from '../shapes/activities.js';

const METHOD = 'candidate.createNote';

/**
 * `POST /candidate.createNote {candidateId, note, isPrivate?, createdAt?}`: a note on the candidate, written by
 * the API key's owner (the organization's admin). Truto's `visibility` is Ashby's one privacy flag: anything but
 * `public` makes the note private. `note` may also be Ashby's `{type, value}` form, sent through `remote_data`.
 */
export const createNote: WriteCommand = {
  required: { body: ['candidate_id', 'body'] },
  run(input, ctx) {
    const { visibility, created_at: createdAt } = input.body;
    const body: Record<string, unknown> = {
      candidateId: String(input.body.candidate_id),
      note: String(input.body.body),
      ...(visibility !== undefined ? { isPrivate: visibility !== 'public' } : {}),
      ...(createdAt !== undefined ? { createdAt } : {}),
      ...(input.body.remote_data as Record<string, unknown> | undefined),
    };
    const candidateId = String(body.candidateId);
    if (!ctx.reader.get('candidate', candidateId)) throw new RemoteFailure(notFoundOf('candidate', METHOD)(candidateId));
    const content = typeof body.note === 'string' ? body.note : (body.note as { value?: unknown } | null)?.value;
    if (typeof content !== 'string') throw new RemoteFailure(invalidInput('note must be a string or {type, value}', METHOD, candidateId));
    const at = body.createdAt === undefined ? ctx.now : Date.parse(String(body.createdAt));
    if (Number.isNaN(at)) throw new RemoteFailure(invalidInput('createdAt must be an ISO 8601 date', METHOD, candidateId));
    const authorRow = ctx.reader.byKeys('user', [roleKey('Organization Admin')])[0];
    if (!authorRow) throw new Error('Ashby account without an Organization Admin to own its API key');
    const author = JSON.parse(authorRow.raw) as AshbyUser;
    const raw: AshbyNote = {
      // From the seed, the candidate and the write's number: the same writes give the same ids, in no other account.
      id: uuid(`${ctx.seed}:${candidateId}`, 'writtenNote', ctx.n),
      createdAt: iso(at),
      isPrivate: body.isPrivate === true,
      content,
      author: { id: author.id, firstName: author.firstName, lastName: author.lastName, email: author.email },
    };
    ctx.put('note', noteRecord(raw, candidateId));
    return { unified: noteToUnified(raw, candidateId), remote: { status: 200, body: { success: true, results: raw } }, call: call(METHOD, body) };
  },
};
