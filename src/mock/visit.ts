import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** Not let in to the store yet (held while a replacement is under way), or never (the admin API reads no store). */
export const NOT_ADMITTED = -1;
/** Ended before it was let in: the door, when it opens, must not count it as reading. */
export const GONE = -2;

/**
 * A request from its arrival to its end (answered, or its connection gone first): what its end completes, in one
 * object on Fastify's request (`request.visit`). Closures per request and properties added to Node's own request
 * objects measured a few microseconds a request under load; one object of a fixed shape costs next to nothing.
 */
export class Visit {
  /** Its journal entry's id; 0 when it is not journaled. */
  journal = 0;
  /** The generation of the store it reads (`Readers`), or NOT_ADMITTED, or GONE. */
  generation = NOT_ADMITTED;
  /** For the journal's duration (the clock, not data). */
  readonly startedAt = performance.now();

  constructor(
    readonly request: IncomingMessage,
    readonly reply: FastifyReply,
  ) {}
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the first onRequest hook, on every request. */
    visit: Visit | null;
  }
}
