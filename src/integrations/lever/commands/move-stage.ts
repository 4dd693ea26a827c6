import { RemoteFailure, type WriteCommand } from '../../types.js';
import { badRequest, enc, writeCall } from '../api.js';
import { ids } from '../ids.js';
import { stagedApplicationToUnified } from '../mapping.js';
import type { LeverApplication } from '../raw.js';
import { answered, applicationsOf, opportunityOf, performAs, pipeline, storeOpportunity } from './opportunity-write.js';

/**
 * `PUT /opportunities/{id}/stage?perform_as=…` `{ stage }`: Lever keeps the stage on the opportunity (its pipeline is
 * the account's, so any of its stages will do) and records the move in `stageChanges`.
 */
export const moveStage: WriteCommand = {
  required: { body: ['candidate_id', 'stage_id'] },
  run(input, ctx) {
    const opp = opportunityOf(String(input.body.candidate_id), ctx.reader);
    const user = performAs(input, ctx);
    // `remote_data` reaches Lever as it is: a `stage` in it is the stage Lever moves to.
    const body = { stage: input.body.stage_id, ...(input.body.remote_data ?? {}) };
    const stages = pipeline(ctx.reader);
    const index = stages.findIndex((s) => s.id === body.stage);
    if (index < 0) throw new RemoteFailure(badRequest(`stage: ${String(body.stage)} is not a stage on your account`));

    opp.stage = stages[index]!.id;
    opp.stageChanges.push({ toStageId: opp.stage, toStageIndex: index, updatedAt: ctx.now, userId: user });
    opp.updatedAt = ctx.now;
    opp.lastInteractionAt = ctx.now;
    opp.lastAdvancedAt = ctx.now;
    storeOpportunity(opp, ctx);

    const application = current(applicationsOf(opp, ctx.reader));
    return {
      unified: stagedApplicationToUnified(application, stages[index]!, ctx.now),
      remote: { status: 200, body: { data: answered(opp) } },
      call: writeCall('PUT', `/opportunities/${enc(opp.id)}/stage`, user, body),
    };
  },
};

/** The application the opportunity's stage is about: its live one (the latest), else the hired one, else the last. */
function current(apps: LeverApplication[]): LeverApplication {
  const latest = (list: LeverApplication[]) => list.reduce<LeverApplication | undefined>((out, a) => (!out || a.createdAt >= out.createdAt ? a : out), undefined);
  return latest(apps.filter((a) => a.archived === null)) ?? apps.find((a) => a.archived?.reason === ids.archiveReason(0)) ?? latest(apps)!;
}
