// The relay's memory: events accepted and not yet delivered. It is bounded — a storm, or GitHub down for
// an hour, fills it and the relay then answers 503 instead of growing until the kernel kills it with
// everything in it — and events being delivered still count against the bound until GitHub has them,
// so a failed dispatch always has room to go back.

import type { OutgoingPayload } from '../send/dispatches.js';

export interface QueueLimits {
  /** Events held at most, waiting or being delivered. */
  readonly maxEvents: number;
  /** Bytes of payload held at most. */
  readonly maxBytes: number;
}

export class RelayQueue {
  #waiting: OutgoingPayload[] = [];
  #heldEvents = 0;
  #heldBytes = 0;

  constructor(private readonly limits: QueueLimits) {}

  /** Takes all of `payloads` or, when they would pass the bound, none of them. */
  offer(payloads: readonly OutgoingPayload[]): boolean {
    const bytes = payloads.reduce((sum, p) => sum + p.bytes, 0);
    if (
      this.#heldEvents + payloads.length > this.limits.maxEvents ||
      this.#heldBytes + bytes > this.limits.maxBytes
    ) {
      return false;
    }
    this.#waiting = this.#waiting.concat(payloads);
    this.#heldEvents += payloads.length;
    this.#heldBytes += bytes;
    return true;
  }

  /**
   * Everything waiting, events of one source and fingerprint next to each other (in the order each group
   * first arrived): they correlate into one incident, so they should reach it in one run.
   */
  takeWaiting(): OutgoingPayload[] {
    const groups = new Map<string, OutgoingPayload[]>();
    for (const payload of this.#waiting) {
      const key = `${payload.source ?? ''}\u0000${payload.fingerprint}`;
      const group = groups.get(key) ?? [];
      group.push(payload);
      groups.set(key, group);
    }
    this.#waiting = [];
    return [...groups.values()].flat();
  }

  /** GitHub has them: their room is free. */
  delivered(payloads: readonly OutgoingPayload[]): void {
    this.#heldEvents -= payloads.length;
    this.#heldBytes -= payloads.reduce((sum, p) => sum + p.bytes, 0);
  }

  /** Not delivered: back to the front, ahead of what arrived since, still counted. */
  putBack(payloads: readonly OutgoingPayload[]): void {
    this.#waiting = payloads.concat(this.#waiting);
  }

  /** Given up on (written out as dead letters): their room is free. */
  dropped(payloads: readonly OutgoingPayload[]): void {
    this.delivered(payloads);
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  get held(): number {
    return this.#heldEvents;
  }
}
