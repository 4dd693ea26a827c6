import type { AccountReader, RenderContext, ResourceEmulation } from '../integrations/types.js';
import type { Candidate } from '../model/candidate.js';
import type { Accounts } from '../truto/accounts.js';
import { errors } from '../truto/errors.js';
import { documentContent } from './content.js';
import { documentKindOf, renderDocument, type RenderedDocument } from './documents.js';
import { FILES_PREFIX, type FileLinks } from './links.js';

/** Records rendered to write a document: their links are never shown, so none are made (nor signed). */
const NO_LINKS: RenderContext = { fileUrl: () => '' };

export interface FileRequest {
  account: string;
  attachment: string;
  fileName: string;
  expires: string | undefined;
  signature: string | undefined;
}

/** Serves the bytes behind a `file_url`: checks the link, finds the attachment, writes the document. */
export class Downloads {
  constructor(
    private readonly accounts: Accounts,
    private readonly links: FileLinks,
  ) {}

  file(req: FileRequest): { fileName: string; document: RenderedDocument } {
    if (req.signature === undefined) throw errors.badFileUrl('the signature parameter is missing');
    const verdict = this.links.verify(req.account, req.attachment, req.fileName, req.expires, req.signature);
    if (verdict === 'invalid') throw errors.badFileUrl('the signature does not match');
    if (verdict === 'expired') throw errors.fileExpired();

    const account = this.accounts.get(req.account);
    // An uploaded file is served back byte for byte.
    const uploaded = this.accounts.store.writes.file(account.row.key, req.attachment);
    if (uploaded) {
      if (uploaded.file_name !== req.fileName) throw errors.attachmentNotFound(req.attachment, req.fileName);
      return { fileName: req.fileName, document: { bytes: uploaded.bytes, contentType: uploaded.content_type } };
    }
    const { attachments, candidates } = account.integration.resources;
    const row = attachments && account.reader.get(attachments.kind, req.attachment);
    if (!attachments || !row) throw errors.attachmentNotFound(req.attachment);
    const attachment = attachments.toUnified(attachments.render([row], account.reader, NO_LINKS)[0]!);
    if (attachment.file_name !== req.fileName) throw errors.attachmentNotFound(req.attachment, req.fileName);
    const candidate = attachment.candidate && candidates ? this.candidate(candidates, account.reader, attachment.candidate.id) : undefined;
    return {
      fileName: req.fileName,
      document: renderDocument(documentKindOf(req.fileName), documentContent(attachment, candidate)),
    };
  }

  /**
   * The file behind a `file_url` the mock issued, asked for through Truto's `attachments/download` (the link must
   * be one of this account's).
   */
  byUrl(accountId: string, fileUrl: string): { fileName: string; document: RenderedDocument } {
    let url: URL;
    try {
      url = new URL(fileUrl, 'http://mock.invalid');
    } catch {
      throw errors.invalidQuery('file_url', 'must be a file_url from an attachment of this account');
    }
    const parts = url.pathname.split('/');
    if (parts.length !== 5 || `/${parts[1]}` !== FILES_PREFIX) {
      throw errors.invalidQuery('file_url', 'must be a file_url from an attachment of this account');
    }
    let segments: string[];
    try {
      segments = parts.slice(2).map((p) => decodeURIComponent(p));
    } catch {
      throw errors.invalidQuery('file_url', 'is not correctly percent-encoded');
    }
    const [account, attachment, fileName] = segments as [string, string, string];
    if (account !== accountId) throw errors.badFileUrl(`it belongs to another integrated account (${JSON.stringify(account)})`);
    return this.file({
      account,
      attachment,
      fileName,
      expires: url.searchParams.get('expires') ?? undefined,
      signature: url.searchParams.get('signature') ?? undefined,
    });
  }

  private candidate(res: ResourceEmulation<Candidate>, reader: AccountReader, id: string): Candidate | undefined {
    const row = reader.get(res.kind, id);
    return row ? res.toUnified(res.render([row], reader, NO_LINKS)[0]!) : undefined;
  }
}

