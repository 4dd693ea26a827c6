import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Tracked } from './in-flight.js';

/** Not let in to the store yet (held while a replacement is under way), or never (the admin API reads no store). */
export const NOT_ADMITTED = -1;
/** Ended before it was let in: the door, when it opens, must not count it as reading. */
export const GONE = -2;

/**
 * A request from its arrival to its end (answered, or its connection gone first): what its end completes, in one
 * object on Fastify's request (`request.visit`). Closures per request and properties added to Node's own request
 * objects measured a few microseconds a request under load; one object of a fixed shape costs next to nothing.
 */
export class Visit implements Tracked {
  /** Its journal entry's id; 0 when it is not journaled. */
  journal = 0;
  /** The generation of the store it reads (`Readers`), or NOT_ADMITTED, or GONE. */
  generation = NOT_ADMITTED;
  /** For the journal's duration (the clock, not data). */
  readonly startedAt = performance.now();
  /** InFlight's links (set here too, so every visit has one shape). */
  older: Visit | undefined = undefined;
  newer: Visit | undefined = undefined;
  inFlight = false;

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
