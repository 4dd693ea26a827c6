import { iso } from '../../../seed/reference-time.js';
import { RemoteFailure, type WriteCommand, type WriteContext } from '../../types.js';
import { call, invalidInput, notFoundOf } from '../api.js';
import { interviewPlanId } from '../ids.js';
import type { AshbyApplication } from '../raw.js';
import { applicationRecord } from '../records.js';
import { applications } from '../resources/applications.js';
import type { AshbyInterviewStage } from '../shapes/job-stages.js';
import type { AshbyArchiveReason } from '../shapes/reject-reasons.js';

const METHOD = 'application.changeStage';

/**
 * `POST /application.changeStage {applicationId, interviewStageId}`: only to a stage of the interview plan of the
 * application's job. The application's status follows the stage's type (Ashby archives by moving into an Archived
 * stage, with `archiveReasonId`, which Truto's body can only carry in `remote_data`).
 */
export const moveStage: WriteCommand = {
  required: { body: ['application_id', 'stage_id'] },
  run(input, ctx) {
    // remote_data is passed on as it is: Ashby acts on the body it receives.
    const body: Record<string, unknown> = {
      applicationId: String(input.body.application_id),
      interviewStageId: String(input.body.stage_id),
      ...(input.body.remote_data as Record<string, unknown> | undefined),
    };
    const applicationId = String(body.applicationId);
    const stageId = String(body.interviewStageId);
    const row = ctx.reader.get('application', applicationId);
    if (!row) throw new RemoteFailure(notFoundOf('application', METHOD)(applicationId));
    const raw = JSON.parse(row.raw) as AshbyApplication;
    const stageRow = ctx.reader.get('interview_stage', stageId);
    if (!stageRow) throw new RemoteFailure(notFoundOf('interview_stage', METHOD)(stageId));
    const stage = JSON.parse(stageRow.raw) as AshbyInterviewStage;
    if (stage.interviewPlanId !== interviewPlanId(raw.job.id)) {
      throw new RemoteFailure(invalidInput("The interview stage is not part of the application's interview plan", METHOD, `${applicationId} ${stageId}`));
    }
    const archiveReason = stage.type === 'Archived' ? reasonOf(body.archiveReasonId, ctx, applicationId) : null;
    const at = iso(ctx.now);
    raw.updatedAt = at;
    raw.archivedAt = archiveReason ? at : null;
    raw.status = statusIn(stage);
    raw.currentInterviewStage = stage as AshbyApplication['currentInterviewStage'];
    raw.archiveReason = archiveReason;
    const [item] = applications.render([ctx.put('application', applicationRecord(raw))], ctx.reader, ctx.render);
    return { unified: applications.toUnified(item!), remote: { status: 200, body: { success: true, results: item!.raw } }, call: call(METHOD, body) };
  },
};

/** An application's status in a stage of this type: Ashby's stage types Archived and Hired are its statuses. */
export const statusIn = (stage: Pick<AshbyInterviewStage, 'type'>): AshbyApplication['status'] =>
  stage.type === 'Archived' ? 'Archived' : stage.type === 'Hired' ? 'Hired' : 'Active';

/** The archive reason a move into an Archived stage demands, as the application embeds it. */
function reasonOf(id: unknown, ctx: WriteContext, applicationId: string): NonNullable<AshbyApplication['archiveReason']> {
  if (id === undefined || id === null) {
    throw new RemoteFailure(invalidInput('archiveReasonId is required when moving to an Archived stage', METHOD, applicationId));
  }
  const row = ctx.reader.get('archive_reason', String(id));
  if (!row) throw new RemoteFailure(invalidInput('Archive reason not found', METHOD, `${applicationId} ${String(id)}`));
  return { ...(JSON.parse(row.raw) as AshbyArchiveReason), customFields: [] };
}
