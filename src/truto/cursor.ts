import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Opaque, signed list cursors. A cursor carries the last record's position, the page number it leads to and, for
 * APIs that page with tokens of their own (Workable's `since_id`, Lever's `offset`), that token; its signature
 * covers the account, the resource and the filters: sent with anything else it is refused. The key comes from
 * configuration, so every replica started the same way issues and accepts the same cursors.
 */
export interface CursorPosition {
  /** Seq of the last record already returned. */
  after: number;
  /** 1-based number of the page this cursor leads to (for the remote URL the integration would call). */
  page: number;
  /** The emulated API's own token for that page, if it pages with one. */
  token?: string;
}

const NUMBER = /^[0-9a-z]{1,11}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/** Cursors remembered as checked: ten walks of 1,000 pages, in 2-6 MB (scopes are at most KNOWN_SCOPE_MAX). */
const KNOWN_MAX = 10_000;
/** Scopes longer than this (a long remote_query) are checked every time rather than remembered. */
const KNOWN_SCOPE_MAX = 512;

export class Cursors {
  /**
   * Cursors issued or checked, by scope and cursor: a page asked for again (a test suite's walk, a frontend's
   * "next") is not signed again, so a page 1,000 deep costs what the first does. A cursor is kept only once its
   * signature holds for its scope; full, the memory is emptied and fills again.
   */
  private readonly known = new Map<string, CursorPosition>();

  constructor(private readonly key: string) {}

  issue(scope: string, position: CursorPosition): string {
    const parts = [position.after.toString(36), position.page.toString(36)];
    if (position.token !== undefined) parts.push(Buffer.from(position.token).toString('base64url'));
    const body = parts.join('.');
    const cursor = Buffer.from(`${body}.${this.sign(scope, body)}`).toString('base64url');
    this.remember(scope, cursor, position);
    return cursor;
  }

  /** The position, or undefined for a cursor this mock did not issue for this scope. */
  read(scope: string, cursor: string): CursorPosition | undefined {
    const known = this.known.get(`${scope}\n${cursor}`);
    if (known !== undefined) return { ...known };
    const position = this.check(scope, cursor);
    if (position !== undefined) this.remember(scope, cursor, position);
    return position;
  }

  private remember(scope: string, cursor: string, position: CursorPosition): void {
    if (scope.length > KNOWN_SCOPE_MAX) return;
    if (this.known.size >= KNOWN_MAX) this.known.clear();
    this.known.set(`${scope}\n${cursor}`, { ...position });
  }

  private check(scope: string, cursor: string): CursorPosition | undefined {
    if (cursor.length > 500 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
    const bytes = Buffer.from(cursor, 'base64url');
    // Only the encoding the mock issues: base64 leaves slack in a last character's padding bits, and a cursor
    // altered there decodes to the same bytes (it would be accepted though the mock never issued it).
    if (bytes.toString('base64url') !== cursor) return undefined;
    const parts = bytes.toString('latin1').split('.');
    if (parts.length !== 3 && parts.length !== 4) return undefined;
    const mac = parts.pop()!;
    const [after, page, token] = parts as [string, string, string | undefined];
    if (!NUMBER.test(after) || !NUMBER.test(page) || (token !== undefined && !TOKEN.test(token))) return undefined;
    const expected = Buffer.from(this.sign(scope, parts.join('.')));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return {
      after: parseInt(after, 36),
      page: parseInt(page, 36),
      ...(token !== undefined ? { token: Buffer.from(token, 'base64url').toString('utf8') } : {}),
    };
  }

  private sign(scope: string, body: string): string {
    return createHmac('sha256', this.key).update(`cursor\n${scope}\n${body}`).digest('base64url').slice(0, 22);
  }
}
