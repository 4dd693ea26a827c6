import { RemoteFailure, type WriteCommand } from '../../types.js';
import { enc, postCall, validationError } from '../api.js';
import type { GreenhouseJobStage } from '../shapes/job-stages.js';
import { activeApplication, storeApplication } from './application-write.js';

/** `POST /v1/applications/{id}/move` `{ from_stage_id, to_stage_id }`: only to a stage of the application's own job. */
export const moveStage: WriteCommand = {
  required: { body: ['application_id', 'stage_id'] },
  requiredUnlessVariable: { user_id: 'on_behalf_of_user_id' },
  run(input, ctx) {
    const { raw, onBehalfOf } = activeApplication(input, ctx);
    const stageRow = ctx.reader.get('job_stage', String(input.body.stage_id));
    const stage = stageRow && (JSON.parse(stageRow.raw) as GreenhouseJobStage);
    if (!stage || stage.job_id !== raw.jobs[0]!.id) {
      throw new RemoteFailure(validationError('to_stage_id', 'The stage must be one of the stages of the application\'s job'));
    }
    const body = { from_stage_id: raw.current_stage!.id, to_stage_id: stage.id, ...(input.body.remote_data ?? {}) };
    raw.current_stage = { id: stage.id, name: stage.name };
    const { application, unified } = storeApplication(raw, ctx);
    return { unified, remote: { status: 200, body: application }, call: postCall(`/applications/${enc(String(raw.id))}/move`, body, onBehalfOf) };
  },
};
