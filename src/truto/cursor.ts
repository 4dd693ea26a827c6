import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Opaque, signed list cursors. A cursor carries the last record's position and the page number it leads to, and
 * its signature covers the account, the resource and the filters: sent with anything else it is refused. The key
 * comes from configuration, so every replica started the same way issues and accepts the same cursors.
 */
export interface CursorPosition {
  /** Seq of the last record already returned. */
  after: number;
  /** 1-based number of the page this cursor leads to (for the remote URL the integration would call). */
  page: number;
}

export class Cursors {
  constructor(private readonly key: string) {}

  issue(scope: string, position: CursorPosition): string {
    const body = `${position.after.toString(36)}.${position.page.toString(36)}`;
    return Buffer.from(`${body}.${this.sign(scope, body)}`).toString('base64url');
  }

  /** The position, or undefined for a cursor this mock did not issue for this scope. */
  read(scope: string, cursor: string): CursorPosition | undefined {
    if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
    const bytes = Buffer.from(cursor, 'base64url');
    // Only the encoding the mock issues: base64 leaves slack in a last character's padding bits, and a cursor
    // altered there decodes to the same bytes (it would be accepted though the mock never issued it).
    if (bytes.toString('base64url') !== cursor) return undefined;
    const parts = bytes.toString('latin1').split('.');
    if (parts.length !== 3) return undefined;
    const [after, page, mac] = parts as [string, string, string];
    if (!/^[0-9a-z]{1,11}$/.test(after) || !/^[0-9a-z]{1,11}$/.test(page)) return undefined;
    const expected = Buffer.from(this.sign(scope, `${after}.${page}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { after: parseInt(after, 36), page: parseInt(page, 36) };
  }

  private sign(scope: string, body: string): string {
    return createHmac('sha256', this.key).update(`cursor\n${scope}\n${body}`).digest('base64url').slice(0, 22);
  }
}
