import type { Random } from '../random.js';
import { DAY } from '../reference-time.js';
import type * as V from '../vocabulary.js';
import type { WorldApplication, WorldStage } from '../world.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A stage's interview: the stage, the interview's name, length and who sits it. */
export type Step = { stage: WorldStage } & (typeof V.STAGE_INTERVIEWS)[string];

/** How an application's story ends, as of the reference time. */
export type Ending = 'rejected' | 'accepted' | 'offer' | 'scheduled' | 'awaiting' | 'none';

/** When things happen on one application, inside its window (applied → last activity). */
export interface Timeline {
  /** The interviews held, in order (none when the window is too short for them). */
  held: Step[];
  /** The start of held interview `i`. */
  startOf: (i: number) => number;
  /** The time of an offset of the events after the interviews. */
  at: (offset: number) => number;
  /** The first thing after the last held interview: its scorecards and notes come before it. */
  tailAt: number;
  /** Offer versions, oldest first, as offsets. */
  offerOffsets: { created: number; sent: number | null; resolved: number | null }[];
  /** When the interview still ahead was booked, as an offset. */
  scheduledOffset: number;
}

/**
 * Lays an application's story out backwards from its last activity, in milliseconds before it ("offsets"): first
 * how it ends (an offer, a rejection, an interview booked), then its interviews, each at a working hour, a few days
 * apart. `steps` are its job's interview stages; those up to its `current` position are held (the current one only when
 * it is not still ahead).
 */
export function layOut(r: Random, a: WorldApplication, ending: Ending, steps: Step[], current: number, ahead: boolean): Timeline {
  let held: Step[] = [];
  for (const step of steps) if (step.stage.position < current || (step.stage.position === current && !ahead)) held.push(step);
  const end = a.lastActivityAt;
  let tail = 0;
  let offerOffsets: { created: number; sent: number | null; resolved: number | null }[] = [];
  let scheduledOffset = 0;
  if (ending === 'rejected') tail = r.int(4 * HOUR, 4 * DAY);
  else if (ending === 'accepted' || ending === 'offer') {
    const accepted = ending === 'accepted';
    const resolved = accepted ? r.int(0, 2 * DAY) : null;
    const sent = accepted ? resolved! + r.int(6 * HOUR, 5 * DAY) : r.bool(0.65) ? r.int(0, DAY) : null;
    const created = sent === null ? r.int(0, DAY) : sent + r.int(HOUR, 2 * DAY);
    offerOffsets = [{ created, sent, resolved }];
    // A renegotiated offer: the first version was sent, then replaced.
    if (r.bool(accepted ? 0.2 : 0.15)) {
      const earlierSent = created + r.int(2 * DAY, 7 * DAY);
      offerOffsets.unshift({ created: earlierSent + r.int(HOUR, DAY), sent: earlierSent, resolved: null });
    }
    tail = offerOffsets[0]!.created + r.int(DAY, 5 * DAY);
  } else if (ending === 'scheduled') {
    scheduledOffset = r.int(0, 6 * HOUR);
    tail = scheduledOffset + r.int(DAY, 4 * DAY);
  } else if (ending === 'awaiting') tail = r.int(0, 2 * DAY);

  // Each held interview's start, as an offset; working hours at the usual pace, a few days apart.
  const starts: number[] = new Array(held.length);
  let offset = tail;
  for (let i = held.length - 1; i >= 0; i--) {
    const minutes = held[i]!.minutes;
    offset = end - snapBack(end - offset - minutes * MINUTE, minutes);
    starts[i] = offset;
    if (i > 0) offset += r.int(2 * DAY, 9 * DAY);
  }
  const earliest = held.length > 0 ? offset + r.int(12 * HOUR, 5 * DAY) : tail;
  // A window too short for the usual pace (a quick process) holds the same story with shorter waits between its
  // events; one too short for the interviews themselves (an application moved along at once) holds none.
  const window = end - a.appliedAt;
  let scale = 1;
  if (earliest > window) {
    let length = 0;
    for (const step of held) length += step.minutes * MINUTE;
    if (window >= length + held.length * 30 * MINUTE) {
      scale = (window - length) / (earliest - length);
      let from = held.length > 0 ? (starts[held.length - 1]! - held[held.length - 1]!.minutes * MINUTE) * scale : 0;
      for (let i = held.length - 1; i >= 0; i--) {
        const gapBefore = i > 0 ? starts[i - 1]! - held[i - 1]!.minutes * MINUTE - starts[i]! : 0;
        starts[i] = from + held[i]!.minutes * MINUTE;
        from = starts[i]! + gapBefore * scale;
      }
    } else {
      held = [];
      scale = tail > window ? window / tail : 1;
    }
  }
  // Offsets of the events after the interviews (offers, a scheduling, a rejection) scale with the waits.
  const at = (off: number) => end - Math.floor(off * scale);
  const startOf = (i: number) => end - Math.floor(starts[i]!);

  // The first thing after the last held interview: its scorecards and notes come before it.
  const tailAt = at(offerOffsets.length > 0 ? offerOffsets[0]!.created : ending === 'scheduled' ? scheduledOffset : 0);
  return { held, startOf, at, tailAt, offerOffsets, scheduledOffset };
}

/**
 * The latest interview start at or before `t` in working hours: a weekday, on the half hour, between 15:00 and 22:30
 * UTC (morning to late afternoon across the US), ending by 01:00 for long ones.
 */
export function snapBack(t: number, minutes: number): number {
  const open = 15 * HOUR;
  const latest = Math.min(22.5 * HOUR, 25 * HOUR - minutes * MINUTE);
  let day = Math.floor(t / DAY);
  let time = t - day * DAY;
  if (time < open) (day -= 1), (time = latest);
  else if (time > latest) time = latest;
  time = Math.floor(time / (30 * MINUTE)) * 30 * MINUTE;
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  if (weekday === 6) day -= 1;
  else if (weekday === 0) day -= 2;
  return day * DAY + time;
}
