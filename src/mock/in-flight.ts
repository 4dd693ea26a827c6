import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How a request ended: `answered` when its answer was written whole, not when its connection closed first. */
export type Ending = (answered: boolean) => void;

interface Visit {
  request: IncomingMessage;
  end: Ending;
}

const VISIT = Symbol('visit');
const WATCHED = Symbol('connection watched');
type Visited = IncomingMessage & { [VISIT]?: Visit };
type Watched = Socket & { [WATCHED]?: true };

/**
 * The requests being answered, each ended exactly once: when its answer is written (`finish`, from Fastify's
 * onResponse) or when its connection closes first (a client gone, a dropped connection, a timeout, a stop that cuts
 * it). What it ends: the journal entry, the request's hold on the store it reads, the stop's list of what it waits for.
 *
 * Connections are watched, not responses: a listener on every response ('finish' and 'close' beside Node's and
 * Fastify's own) cost a plain read about a tenth of its time under load, while a connection's one 'close' listener
 * is paid once for all the requests of a keep-alive connection. A request on a connection that is not watched
 * (`app.inject`) gets a listener on its response instead.
 */
export class InFlight {
  private readonly open = new Set<Visit>();

  /** Watches every connection `server` accepts from now on. */
  watch(server: Server): void {
    server.on('connection', (socket: Watched) => {
      socket[WATCHED] = true;
      socket.once('close', () => this.closed(socket));
    });
  }

  start(request: IncomingMessage, response: ServerResponse, end: Ending): void {
    const visit: Visit = { request, end };
    this.open.add(visit);
    (request as Visited)[VISIT] = visit;
    if ((request.socket as Watched | null)?.[WATCHED] !== true) response.once('close', () => this.finish(request, response.writableFinished));
  }

  /** Ends the request's visit, unless it has ended already. */
  finish(request: IncomingMessage, answered: boolean): void {
    const visit = (request as Visited)[VISIT];
    if (visit !== undefined && this.open.delete(visit)) visit.end(answered);
  }

  /** The requests not ended yet, oldest first. */
  get requests(): IncomingMessage[] {
    return [...this.open].map((visit) => visit.request);
  }

  private closed(socket: Socket): void {
    for (const visit of this.open) {
      if (visit.request.socket !== socket) continue;
      this.open.delete(visit);
      visit.end(false);
    }
  }
}
