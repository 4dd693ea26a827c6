import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What InFlight keeps: anything that knows its request, with room for InFlight's links. */
export interface Tracked {
  readonly request: IncomingMessage;
  /**
   * InFlight's list, linked through the visits themselves: starting and ending one allocates nothing (a Set grew and
   * shrank its table as requests came and went, a few hundred bytes a request).
   */
  older?: Tracked | undefined;
  newer?: Tracked | undefined;
  inFlight?: boolean;
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
  private oldest: V | undefined;
  private newest: V | undefined;

  constructor(private readonly end: (visit: V, answered: boolean) => void) {}

  /** Watches every connection `server` accepts from now on. */
  watch(server: Server): void {
    server.on('connection', (socket: Watched) => {
      socket[WATCHED] = true;
      socket.once('close', () => this.closed(socket));
    });
  }

  start(visit: V, response: ServerResponse): void {
    visit.inFlight = true;
    visit.older = this.newest;
    visit.newer = undefined;
    if (this.newest === undefined) this.oldest = visit;
    else this.newest.newer = visit;
    this.newest = visit;
    if ((visit.request.socket as Watched | null)?.[WATCHED] !== true) response.once('close', () => this.finish(visit, response.writableFinished));
  }

  /** Ends the visit, unless it has ended already. */
  finish(visit: V, answered: boolean): void {
    if (this.unlink(visit)) this.end(visit, answered);
  }

  /** The requests not ended yet, oldest first. */
  get requests(): IncomingMessage[] {
    const out: IncomingMessage[] = [];
    for (let visit = this.oldest; visit !== undefined; visit = visit.newer as V | undefined) out.push(visit.request);
    return out;
  }

  private unlink(visit: V): boolean {
    if (visit.inFlight !== true) return false;
    visit.inFlight = false;
    const { older, newer } = visit;
    if (older === undefined) this.oldest = newer as V | undefined;
    else older.newer = newer;
    if (newer === undefined) this.newest = older as V | undefined;
    else newer.older = older;
    visit.older = visit.newer = undefined;
    return true;
  }

  private closed(socket: Socket): void {
    for (let visit = this.oldest; visit !== undefined; ) {
      const newer = visit.newer as V | undefined;
      if (visit.request.socket === socket && this.unlink(visit)) this.end(visit, false);
      visit = newer;
    }
  }
}
