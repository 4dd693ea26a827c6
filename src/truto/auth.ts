import type { FastifyRequest } from 'fastify';
import { errors } from './errors.js';

/**
 * Truto's Bearer auth: no header, another scheme or an unknown token is a 401 before anything else. Synchronous (it
 * throws): as an onRequest hook it is wrapped in a callback, which costs no promise per request.
 */
export function authenticate(tokens: ReadonlySet<string>) {
  // The header as clients send it, `Bearer <token>`, is known without parsing it: every request's path.
  const exact = new Set([...tokens].map((token) => `Bearer ${token}`));
  return (request: FastifyRequest): void => {
    const header = request.headers.authorization;
    if (header !== undefined && exact.has(header)) return;
    if (!header) throw errors.missingToken();
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    if (!match) throw errors.badScheme();
    if (!tokens.has(match[1]!)) throw errors.badToken();
  };
}
