// From the queue to GitHub. The first event into an empty queue opens a window; when it closes, whatever
// arrived is packed into as few dispatches as GitHub's limits allow and posted one after another, so an
// alert storm costs a run per 64 KB of alerts, not a run per alert. Octokit's plugins retry each request
// (5xx, network errors, rate limits) and pace the writes; what they give up on is not lost — the events
// go back to the front of the queue and the next attempt waits longer each time (an outage can outlast
// any request's retries). Only a dispatch GitHub refuses for its content, which no retry would change,
// and what is still undelivered when the relay stops are set aside as dead letters, to be replayed.

import { type Dispatch, type OutgoingPayload, splitIntoDispatches } from '../send/dispatches.js';
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

export class Forwarder {
  readonly stats: ForwarderStats = { delivered: 0, dispatches: 0, failedAttempts: 0, deadLettered: 0 };
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #consecutiveFailures = 0;
  #stopped = false;

  constructor(private readonly options: ForwarderOptions) {}

  /** Events were queued: deliver them when the window closes (or after the flush under way). */
  wake(): void {
    if (this.#stopped || this.#timer !== undefined || this.#flushing !== undefined) return;
    this.#schedule(this.options.windowMs);
  }

  /** Stops the windows and delivers everything now; what cannot be delivered becomes dead letters. */
  async drain(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#flushing;
    while (this.options.queue.waiting > 0) {
      if (!(await this.#deliverWaiting(true))) break;
    }
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.#deliverWaiting(false).then((allDelivered) => {
        this.#flushing = undefined;
        if (this.#stopped) return;
        if (!allDelivered) this.#schedule(this.#redeliveryDelay());
        else if (this.options.queue.waiting > 0) this.#schedule(this.options.windowMs);
      });
    }, delayMs);
  }

  #redeliveryDelay(): number {
    const { redeliveryMs, maxRedeliveryMs } = this.options;
    return Math.min(maxRedeliveryMs, redeliveryMs * 2 ** (this.#consecutiveFailures - 1));
  }

  /** Posts everything waiting; false when a failure left events held for a later attempt (or, at the end, set aside). */
  async #deliverWaiting(final: boolean): Promise<boolean> {
    const { queue, post, log } = this.options;
    const dispatches = splitIntoDispatches(queue.takeWaiting());
    let delivered = 0;
    let posted = 0;
    for (const [index, dispatch] of dispatches.entries()) {
      try {
        await post(dispatch);
      } catch (thrown) {
        const error =
          thrown instanceof DispatchFailure
            ? thrown
            : new DispatchFailure(thrown instanceof Error ? thrown.message : String(thrown), undefined);
        if (error.status !== undefined && REFUSED_FOR_CONTENT.has(error.status)) {
          this.#setAside([dispatch], `refused (${error.message})`);
          continue;
        }
        const rest = dispatches.slice(index);
        this.stats.failedAttempts += 1;
        if (final) {
          this.#setAside(rest, `not delivered before shutdown (${error.message})`);
          return false;
        }
        this.#consecutiveFailures += 1;
        queue.putBack(rest.flatMap((d) => d.payloads));
        log(
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
    if (delivered > 0) {
      log(`delivered ${delivered} events in ${posted} dispatches; ${queue.held} held`);
    }
    return true;
  }

  #setAside(dispatches: readonly Dispatch[], why: string): void {
    const payloads: OutgoingPayload[] = dispatches.flatMap((d) => d.payloads);
    for (const dispatch of dispatches) this.options.deadLetter(dispatch);
    this.options.queue.dropped(payloads);
    this.stats.deadLettered += payloads.length;
    this.options.log(
      `${payloads.length} events set aside as dead letters, first from ${payloads[0]?.origin ?? '?'}: ${why}`,
    );
  }
}
