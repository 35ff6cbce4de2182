// From the queue to GitHub. The first event into an empty queue opens a window; when it closes, whatever
// arrived is packed into as few dispatches as GitHub's limits allow and posted one after another, so an
// alert storm costs a run per 64 KB of alerts, not a run per alert. Octokit's plugins retry each request
// (5xx, network errors, rate limits) and pace the writes; what they give up on is not lost — the events
// go back to the front of the queue and the next attempt waits longer each time (an outage can outlast
// any request's retries). Only a dispatch GitHub refuses for its content, which no retry would change,
// and what is still undelivered when the relay's shutdown time runs out are set aside as dead letters, to
// be replayed.

import { type Dispatch, splitIntoDispatches } from '../send/dispatches.js';
import { DispatchFailure, type PostDispatch } from '../send/github.js';
import type { RelayQueue } from './queue.js';

export interface ForwarderOptions {
  readonly queue: RelayQueue;
  readonly post: PostDispatch;
  /** How long the first event of a batch waits for more, in milliseconds. */
  readonly windowMs: number;
  /** The wait after a delivery failed, doubled per consecutive failure up to `maxRedeliveryMs`. */
  readonly redeliveryMs: number;
  readonly maxRedeliveryMs: number;
  /** How long a drain may take, from the stop, before what is undelivered is set aside. */
  readonly drainTimeLimitMs: number;
  /** One line of what happened, for the operator. */
  readonly log: (line: string) => void;
  /** A dispatch that will not be delivered: written out, replayable with `irac send`. */
  readonly deadLetter: (dispatch: Dispatch) => void;
}

export interface ForwarderStats {
  delivered: number;
  dispatches: number;
  failedAttempts: number;
  deadLettered: number;
}

// GitHub's answers to a body it will never take, however often it is sent.
const REFUSED_FOR_CONTENT = new Set([400, 413, 422]);

const eventsIn = (dispatches: readonly Dispatch[]) =>
  dispatches.reduce((sum, d) => sum + d.payloads.length, 0);

/** `work`, or the signal's reason once it aborts first (`work` then runs on unobserved). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class Forwarder {
  readonly stats: ForwarderStats = { delivered: 0, dispatches: 0, failedAttempts: 0, deadLettered: 0 };
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #consecutiveFailures = 0;
  #stopped = false;
  /** Aborted when the shutdown's time is up: a post still under way then counts as failed. */
  readonly #deadline = new AbortController();

  constructor(private readonly options: ForwarderOptions) {}

  /** Events were queued: deliver them when the window closes (or after the flush under way). */
  wake(): void {
    if (this.#stopped || this.#timer !== undefined || this.#flushing !== undefined) return;
    this.#schedule(this.options.windowMs);
  }

  /**
   * Stops the windows and delivers everything now, until drainTimeLimitMs after `stoppedAt` (an
   * orchestrator kills the process soon after its stop signal): what is not delivered by then, or
   * cannot be, becomes dead letters. A post cut off by the limit may still reach GitHub later; its
   * events are then both delivered and set aside, and replaying them is harmless because ingest records
   * an event id once.
   */
  async drain(stoppedAt = Date.now()): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { drainTimeLimitMs } = this.options;
    const passed = `the shutdown time limit of ${drainTimeLimitMs / 1000} s passed`;
    const timer = setTimeout(
      () => this.#deadline.abort(new DispatchFailure(passed, undefined)),
      Math.max(0, stoppedAt + drainTimeLimitMs - Date.now()),
    );
    try {
      await this.#flushing;
      while (this.options.queue.waiting > 0) {
        if (!(await this.#deliverWaiting(true))) break;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.#flush();
    }, delayMs);
  }

  /** One window's delivery, then the next one scheduled; never rejects, or nothing would schedule again. */
  async #flush(): Promise<void> {
    let next: number | undefined;
    try {
      const allDelivered = await this.#deliverWaiting(false);
      if (!allDelivered) next = this.#redeliveryDelay();
      else if (this.options.queue.waiting > 0) next = this.options.windowMs;
    } catch (error) {
      // Not GitHub failing (that is handled per dispatch) but the relay's own sinks, such as a dead-letter
      // stream gone (EPIPE): the events are back in the queue, and the next attempt waits longer.
      this.#consecutiveFailures += 1;
      next = this.#redeliveryDelay();
      this.#tell(
        `flush failed: ${messageOf(error)}; holding ${this.options.queue.held} events, ` +
          `next attempt in ${Math.ceil(next / 1000)} s`,
      );
    } finally {
      this.#flushing = undefined;
    }
    if (!this.#stopped && next !== undefined) this.#schedule(next);
  }

  /** A line for the operator that must not stop the relay if the log stream itself is broken. */
  #tell(line: string): void {
    try {
      this.options.log(line);
    } catch {
      // Nowhere left to say it; the relay's state is what matters.
    }
  }

  #redeliveryDelay(): number {
    const { redeliveryMs, maxRedeliveryMs } = this.options;
    return Math.min(maxRedeliveryMs, redeliveryMs * 2 ** (this.#consecutiveFailures - 1));
  }

  /**
   * Posts everything waiting; false when a failure left events held for a later attempt (or, at the end,
   * set aside). If it throws, every dispatch it had not yet settled is back in the queue.
   */
  async #deliverWaiting(final: boolean): Promise<boolean> {
    const { queue, post } = this.options;
    const dispatches = splitIntoDispatches(queue.takeWaiting());
    let settled = 0;
    try {
      let delivered = 0;
      let posted = 0;
      for (const [index, dispatch] of dispatches.entries()) {
        settled = index;
        try {
          await unlessAborted(post(dispatch), this.#deadline.signal);
        } catch (thrown) {
          const error =
            thrown instanceof DispatchFailure ? thrown : new DispatchFailure(messageOf(thrown), undefined);
          if (error.status !== undefined && REFUSED_FOR_CONTENT.has(error.status)) {
            this.#setAside(dispatch, `refused (${error.message})`);
            continue;
          }
          this.stats.failedAttempts += 1;
          if (final || this.#deadline.signal.aborted) {
            const why = `not delivered before shutdown (${error.message})`;
            for (const [later, rest] of dispatches.slice(index).entries()) {
              settled = index + later;
              this.#setAside(rest, why);
            }
            settled = dispatches.length;
            return false;
          }
          const rest = dispatches.slice(index);
          this.#consecutiveFailures += 1;
          queue.putBack(rest.flatMap((d) => d.payloads));
          settled = dispatches.length;
          this.#tell(
            `delivery failed: ${error.message}; holding ${eventsIn(rest)} events, ` +
              `next attempt in ${Math.ceil(this.#redeliveryDelay() / 1000)} s`,
          );
          return false;
        }
        this.#consecutiveFailures = 0;
        queue.delivered(dispatch.payloads);
        delivered += dispatch.payloads.length;
        posted += 1;
        this.stats.delivered += dispatch.payloads.length;
        this.stats.dispatches += 1;
      }
      settled = dispatches.length;
      if (delivered > 0) {
        this.#tell(`delivered ${delivered} events in ${posted} dispatches; ${queue.held} held`);
      }
      return true;
    } catch (error) {
      queue.putBack(dispatches.slice(settled).flatMap((d) => d.payloads));
      throw error;
    }
  }

  /** One dispatch given up on; its room in the queue is freed only once the dead letter is written. */
  #setAside(dispatch: Dispatch, why: string): void {
    this.options.deadLetter(dispatch);
    this.options.queue.dropped(dispatch.payloads);
    this.stats.deadLettered += dispatch.payloads.length;
    this.#tell(
      `${dispatch.payloads.length} events set aside as dead letters, first from ${dispatch.payloads[0]?.origin ?? '?'}: ${why}`,
    );
  }
}
