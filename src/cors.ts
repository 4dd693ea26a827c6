import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { errors } from './truto/errors.js';

export interface CorsOptions {
  /** Origins granted (`*`: any); empty turns CORS off. */
  origins: readonly string[];
  /** Answer headers a page may read. */
  exposedHeaders: readonly string[];
  methods: readonly string[];
  /** Seconds a browser may keep a preflight's answer. */
  maxAge: number;
}

/**
 * CORS for browsers and their tools (a frontend on another origin, Swagger UI's "try it out"): every answer, errors
 * included, carries the grant; a preflight is answered (204) in the first hook, before auth, since a browser sends
 * it without the Authorization header. What @fastify/cors did for these options, with every header worked out once
 * here: the plugin copies its options and reads the route's options twice on every request, which measured 6 µs of
 * a get's 60 under load (the grant is on every request's path).
 */
export function registerCors(app: FastifyInstance, options: CorsOptions): void {
  if (options.origins.length === 0) return;
  const anyOrigin = options.origins.includes('*');
  const granted = new Set(options.origins);
  const exposed = options.exposedHeaders.join(', ');
  const methods = options.methods.join(', ');
  const maxAge = String(options.maxAge);

  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const preflight = request.method === 'OPTIONS';
    if (preflight) {
      const missing = ['origin', 'access-control-request-method'].filter((h) => request.headers[h] === undefined);
      if (missing.length > 0) {
        return done(errors.badRequest(`Invalid preflight request: missing header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`));
      }
    }
    if (anyOrigin) {
      reply.header('access-control-allow-origin', '*');
    } else {
      // The grant depends on the Origin sent: a cache must not hand one origin's answer to another.
      reply.header('vary', 'Origin');
      const origin = request.headers.origin;
      if (origin !== undefined && granted.has(origin)) reply.header('access-control-allow-origin', origin);
    }
    reply.header('access-control-expose-headers', exposed);
    if (!preflight) return done();
    reply.header('access-control-allow-methods', methods);
    // Whatever headers the page asks to send are allowed (the mock reads only the ones it knows).
    reply.header('vary', anyOrigin ? 'Access-Control-Request-Headers' : 'Origin, Access-Control-Request-Headers');
    const asked = request.headers['access-control-request-headers'];
    if (asked !== undefined) reply.header('access-control-allow-headers', asked);
    reply.header('access-control-max-age', maxAge);
    // Content-Length 0: Safari otherwise waits for a body after a 204.
    void reply.code(204).header('content-length', '0').send();
  });
  // A route for every path, so that an OPTIONS is routed here rather than to a scope's 404 (and its auth); the hook
  // above answers it before the handler could.
  app.options('*', { schema: { hide: true } }, (_request, reply) => reply.callNotFound());
}
