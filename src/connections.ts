import type { IncomingMessage, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Config } from './config.js';
import { errors, TrutoError } from './truto/errors.js';
import { JSON_TYPE } from './truto/unified.js';

/**
 * What the HTTP server answers on its own, before (or instead of) a request reaching a route: malformed requests,
 * stalled clients, `CONNECT`. Node's defaults drop such a connection without a byte or answer an empty 400; here
 * each gets Truto's error body, then the connection is closed.
 */

type Limits = Pick<Config, 'requestTimeout' | 'headersTimeout' | 'keepAliveTimeout' | 'maxRequestsPerSocket'>;

/** The options of `http.createServer`: timeouts, and `Host` left to the app so its absence gets a proper answer. */
export function httpOptions(limits: Limits): ServerOptions {
  return {
    requireHostHeader: false,
    requestTimeout: limits.requestTimeout,
    headersTimeout: limits.headersTimeout,
    // Node checks the two timeouts on this interval (30 s by default), so a short timeout needs a short interval.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeout / 4))),
  };
}

/** An answer written straight to a socket, `Connection: close`. */
export function rawAnswer(error: TrutoError): string {
  const body = JSON.stringify(error.body);
  const headers = {
    'content-type': JSON_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...error.headers,
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${error.statusCode} ${error.body.error}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Node's `clientError`: a request that could not be read (malformed, too large, too slow). */
export function clientErrorHandler(limits: Limits) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    // The peer has gone: there is no one to answer.
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    // An answer already under way cannot be followed by another one on the same connection.
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (socket.writable && !started) socket.write(rawAnswer(clientError(err, limits)));
    socket.destroy();
  };
}

function clientError(err: NodeJS.ErrnoException, limits: Limits): TrutoError {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new TrutoError(
        408,
        `The request did not arrive in time: headers within ${limits.headersTimeout} ms (--headers-timeout), ` +
          `the whole request within ${limits.requestTimeout} ms (--request-timeout)`,
      );
    case 'HPE_HEADER_OVERFLOW':
      return new TrutoError(431, 'The request headers are too large');
    default:
      return errors.badRequest(`Malformed HTTP request (${err.code ?? 'unreadable'})`);
  }
}

/** `CONNECT` (a proxy tunnel): not a route here, answered as any other unknown route. */
export function answerConnect(request: IncomingMessage, socket: Duplex): void {
  socket.end(rawAnswer(errors.routeNotFound('CONNECT', request.url ?? '')));
}
