import type { FastifyReply } from 'fastify';

/** What the mock says about a request that Truto would answer without a word (CONTRACT §1, §8). */
export const WARNING_HEADER = 'x-truto-mock-warning';

/**
 * Adds warnings to the answer's one warning header: several parts of a request (ignored x-mock-* headers, unknown
 * query keys, filters the integration drops) may each have something to say, and none may hide another.
 */
export function warn(reply: FastifyReply, messages: readonly string[]): void {
  if (messages.length === 0) return;
  const before = reply.getHeader(WARNING_HEADER);
  void reply.header(WARNING_HEADER, [...(before === undefined ? [] : [String(before)]), ...messages].join('; '));
}
