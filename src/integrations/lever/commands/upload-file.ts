import type { WriteCommand } from '../../types.js';
import { enc, writeCall } from '../api.js';
import type { LeverFile } from '../raw.js';
import { attachmentRecord } from '../records.js';
import { attachments } from '../resources/attachments.js';
import { opportunityOf, performAs, storeOpportunity, writtenId } from './opportunity-write.js';

/**
 * `POST /opportunities/{id}/files?perform_as=…`, multipart with a `file` part: a file of the opportunity (listed
 * after its others), its bytes kept and served back from its `downloadUrl`. A `file_name` field renames it.
 */
export const uploadFile: WriteCommand = {
  // The opportunity may be named by a form field or by the query (Truto's layer accepts either for an upload).
  required: { body: ['file', 'candidate_id'] },
  run(input, ctx) {
    const opp = opportunityOf(String(input.body.candidate_id ?? input.query.candidate_id), ctx.reader);
    const user = performAs(input, ctx);
    const upload = input.file!;
    const name = typeof input.body.file_name === 'string' && input.body.file_name !== '' ? input.body.file_name : upload.fileName;
    const dot = name.lastIndexOf('.');
    const file: LeverFile = {
      id: writtenId(ctx, 'file'),
      name,
      ext: dot > 0 ? name.slice(dot) : '',
      downloadUrl: '',
      uploadedAt: ctx.now,
      status: 'processed',
      size: upload.bytes.length,
    };
    const row = ctx.put('attachment', attachmentRecord(file, opp.id));
    ctx.keepFile(file.id, { ...upload, fileName: name });
    opp.updatedAt = ctx.now;
    storeOpportunity(opp, ctx);

    const [item] = attachments.render([row], ctx.reader, ctx.render);
    return {
      unified: attachments.toUnified(item!),
      remote: { status: 201, body: { data: item!.raw } },
      call: writeCall('POST', `/opportunities/${enc(opp.id)}/files`, user, { file: { name, content_type: upload.contentType, size: file.size } }, true),
    };
  },
};
