import { iso } from '../../../seed/reference-time.js';
import { refKey } from '../../../store/records.js';
import { RemoteFailure, type WriteCommand } from '../../types.js';
import { enc, notFound, post, unprocessable } from '../api.js';
import { more, SPI } from '../ids.js';
import type { WorkableCandidate } from '../raw.js';
import { activityRecord, candidateRecord } from '../records.js';
import { applications } from '../resources/applications.js';
import type { WorkableActivity } from '../shapes/activities.js';
import type { WorkableMember } from '../shapes/members.js';
import type { WorkableStage } from '../shapes/stages.js';

const stageRef = (s: WorkableStage) => ({ id: s.id, identifier: s.identifier, name: s.name, slug: s.slug });

/**
 * `POST /spi/v3/candidates/{id}/move {member_id, target_stage}` (the stage's slug, one of the candidate's job's
 * pipeline): 200 with an empty body. The candidate's stage, stage kind and `updated_at` change (reaching Offer or
 * Hired sets its date), and the move is recorded as an activity whose `action` is the target slug. The unified
 * application's id is the candidate's, its stage id the slug, its user the member.
 */
export const moveStage: WriteCommand = {
  required: { body: ['application_id', 'stage_id', 'user_id'] },
  run(input, ctx) {
    const id = String(input.body.application_id);
    const body: Record<string, unknown> = {
      member_id: String(input.body.user_id),
      target_stage: String(input.body.stage_id),
      ...(input.body.remote_data as Record<string, unknown> | undefined),
    };
    const call = post(`${SPI}/candidates/${enc(id)}/move`, body);
    const row = ctx.reader.get('candidate', id);
    if (!row) throw new RemoteFailure(notFound());
    const memberRow = ctx.reader.get('member', String(body.member_id));
    if (!memberRow) throw new RemoteFailure(unprocessable('Member not found'));
    const raw = JSON.parse(row.raw) as WorkableCandidate;
    const pipeline = ctx.reader.byKeys('stage', [refKey('job', raw.job.shortcode)]).map((r) => JSON.parse(r.raw) as WorkableStage);
    const target = pipeline.find((s) => s.slug === body.target_stage);
    if (!target) throw new RemoteFailure(unprocessable(`Stage ${String(body.target_stage)} not found in the job's pipeline`));
    const fromName = raw.stage;
    const from = pipeline.find((s) => s.name === fromName);

    const at = ctx.now;
    const seconds = `${iso(at).slice(0, 19)}Z`;
    raw.stage = target.name;
    raw.stage_kind = target.kind;
    if (target.kind === 'hired') raw.hired_at = seconds;
    if (target.kind === 'offer' || target.kind === 'hired') raw.moved_to_offer_at ??= seconds;
    raw.updated_at = seconds;
    const stored = ctx.put('candidate', candidateRecord(raw));

    const member = JSON.parse(memberRow.raw) as WorkableMember;
    const activity: WorkableActivity = {
      id: more.writtenActivity(ctx.n),
      action: target.slug,
      stage_name: fromName,
      action_stage: from ? stageRef(from) : null,
      target_stage: stageRef(target),
      created_at: iso(at),
      updated_at: iso(at),
      member: { id: member.id, name: member.name, type: 'Member' },
      body: null,
    };
    ctx.put('activity', activityRecord(activity, id));

    const item = applications.renderOne!(stored, ctx.reader, ctx.render);
    return { unified: applications.toUnified(item), remote: { status: 200, body: undefined }, call };
  },
};
