import { createHmac, timingSafeEqual } from 'node:crypto';

export const FILES_PREFIX = '/files';

/**
 * Signed file links, like the storage URLs real ATSs hand out: no Authorization header needed, an altered link
 * is refused. The signature covers the path and the expiry, not the host, so one link works under any name the
 * mock is reached by (localhost, a docker-compose service name, a proxy).
 */
export class FileLinks {
  /** Signatures already computed: every list page signs each of its links, and links repeat across requests. */
  private readonly signatures = new Map<string, string>();

  constructor(private readonly key: string) {}

  path(accountId: string, attachmentId: string, fileName: string): string {
    return `${FILES_PREFIX}/${encodeURIComponent(accountId)}/${encodeURIComponent(attachmentId)}/${encodeURIComponent(fileName)}`;
  }

  url(base: string, accountId: string, attachmentId: string, fileName: string, expiresAt?: number): string {
    const path = this.path(accountId, attachmentId, fileName);
    const expiry = expiresAt === undefined ? '' : `expires=${expiresAt}&`;
    return `${base}${path}?${expiry}signature=${this.sign(path, expiresAt)}`;
  }

  /** Checks a link's signature against its decoded parts, so any valid percent-encoding of them is accepted. */
  verify(accountId: string, attachmentId: string, fileName: string, expires: string | undefined, signature: string): 'ok' | 'invalid' | 'expired' {
    let expiresAt: number | undefined;
    if (expires !== undefined) {
      if (!/^\d{1,12}$/.test(expires)) return 'invalid';
      expiresAt = Number(expires);
    }
    const expected = Buffer.from(this.sign(this.path(accountId, attachmentId, fileName), expiresAt));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    // The clock decides only whether a link has expired, never what data looks like.
    if (expiresAt !== undefined && expiresAt * 1000 < Date.now()) return 'expired';
    return 'ok';
  }

  private sign(path: string, expiresAt: number | undefined): string {
    const text = `file\n${path}\n${expiresAt ?? ''}`;
    let signature = this.signatures.get(text);
    if (signature === undefined) {
      signature = createHmac('sha256', this.key).update(text).digest('base64url').slice(0, 32);
      if (this.signatures.size >= 20_000) this.signatures.clear();
      this.signatures.set(text, signature);
    }
    return signature;
  }
}
