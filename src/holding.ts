import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerConnect, clientErrorHandler, httpOptions } from './connections.js';
import type { Config } from './config.js';
import type { SeedProgressBody } from './seed/progress.js';
import { errors } from './truto/errors.js';

/**
 * Holds the port while the store is being seeded, so that a client or an orchestrator sees an honest answer
 * rather than a refused connection: `GET /health` is `503 {"status":"seeding"}`, every other request a Truto 503
 * with Retry-After. Then its listening socket is handed to the mock's own server: no moment when the port refuses
 * a connection, and connections already accepted still get their 503 (each is closed after its answer).
 */
export class HoldingServer {
  private constructor(private readonly server: Server) {}

  /** `progress`: how far seeding has got, shown by `/health` once it has started. */
  static async listen(
    config: Pick<Config, 'port' | 'host' | 'requestTimeout' | 'headersTimeout' | 'keepAliveTimeout' | 'maxRequestsPerSocket'>,
    progress: () => SeedProgressBody | undefined = () => undefined,
  ): Promise<HoldingServer> {
    const server = createServer(httpOptions(config), (request, response) => {
      const health = request.url?.split('?')[0] === '/health';
      const error = errors.seeding();
      const seeding = progress();
      const body = JSON.stringify(health ? { status: 'seeding', ...(seeding ? { progress: seeding } : {}) } : error.body);
      response.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
        connection: 'close',
        ...error.headers,
      });
      response.end(body);
    });
    server.on('clientError', clientErrorHandler(config));
    server.on('connect', answerConnect);
    server.listen(config.port, config.host);
    await once(server, 'listening');
    return new HoldingServer(server);
  }

  /** The port actually held (port 0 asks the system for a free one). */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * The listening socket, for `app.listen({ handle })`. Node's documented `server.listen(handle)`: the socket's
   * new owner accepts from then on; this server only finishes the answers it has started.
   */
  handOver(): unknown {
    const holder = this.server as unknown as { _handle: unknown };
    const handle = holder._handle;
    holder._handle = null;
    return handle;
  }

  /** Stops holding the port when the mock will not start after all. */
  async release(): Promise<void> {
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }
}
