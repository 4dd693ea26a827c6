import { RemoteFailure, type WriteCommand } from '../../types.js';
import { enc, postCall, validationError } from '../api.js';
import { iso } from '../../../seed/reference-time.js';
import type { GreenhouseRejectionReason } from '../shapes/reject-reasons.js';
import { activeApplication, storeApplication } from './application-write.js';

/** `POST /v1/applications/{id}/reject` `{ rejection_reason_id }`: the application is rejected for that reason, now. */
export const reject: WriteCommand = {
  required: { body: ['application_id', 'reason_id'] },
  requiredUnlessVariable: { user_id: 'on_behalf_of_user_id' },
  run(input, ctx) {
    const { raw, onBehalfOf } = activeApplication(input, ctx);
    const reasonRow = ctx.reader.get('reject_reason', String(input.body.reason_id));
    if (!reasonRow) throw new RemoteFailure(validationError('rejection_reason_id', 'Rejection reason not found'));
    const reason = JSON.parse(reasonRow.raw) as GreenhouseRejectionReason;
    const body = { rejection_reason_id: reason.id, ...(input.body.remote_data ?? {}) };
    raw.status = 'rejected';
    raw.rejected_at = iso(ctx.now);
    raw.rejection_reason = reason;
    raw.rejection_details = { custom_fields: {}, keyed_custom_fields: {} };
    const { application, unified } = storeApplication(raw, ctx);
    return { unified, remote: { status: 200, body: application }, call: postCall(`/applications/${enc(String(raw.id))}/reject`, body, onBehalfOf) };
  },
};
