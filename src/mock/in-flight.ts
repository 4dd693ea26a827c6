import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What InFlight keeps: anything that knows its request. */
export interface Tracked {
  readonly request: IncomingMessage;
}

const WATCHED = Symbol('connection watched');
type Watched = Socket & { [WATCHED]?: true };

/**
 * The requests being answered, each ended exactly once: when its answer is written (`finish`, from Fastify's
 * onResponse) or when its connection closes first (a client gone, a dropped connection, a timeout, a stop that cuts
 * it). `end` is told which, and closes what the request held: its journal entry, its hold on the store it reads,
 * the stop's list of what it waits for.
 *
 * Connections are watched, not responses: a listener on every response ('finish' and 'close' beside Node's and
 * Fastify's own) cost a plain read about a tenth of its time under load, while a connection's one 'close' listener
 * is paid once for all the requests of a keep-alive connection. A request on a connection that is not watched
 * (`app.inject`) gets a listener on its response instead.
 */
export class InFlight<V extends Tracked> {
  private readonly open = new Set<V>();

  constructor(private readonly end: (visit: V, answered: boolean) => void) {}

  /** Watches every connection `server` accepts from now on. */
  watch(server: Server): void {
    server.on('connection', (socket: Watched) => {
      socket[WATCHED] = true;
      socket.once('close', () => this.closed(socket));
    });
  }

  start(visit: V, response: ServerResponse): void {
    this.open.add(visit);
    if ((visit.request.socket as Watched | null)?.[WATCHED] !== true) response.once('close', () => this.finish(visit, response.writableFinished));
  }

  /** Ends the visit, unless it has ended already. */
  finish(visit: V, answered: boolean): void {
    if (this.open.delete(visit)) this.end(visit, answered);
  }

  /** The requests not ended yet, oldest first. */
  get requests(): IncomingMessage[] {
    return [...this.open].map((visit) => visit.request);
  }

  private closed(socket: Socket): void {
    for (const visit of this.open) {
      if (visit.request.socket !== socket) continue;
      this.open.delete(visit);
      this.end(visit, false);
    }
  }
}
