import { randomBytes } from 'node:crypto';

/**
 * The events of one phase and who has received each. An event's latency is the time from the
 * facilitator's send until the last other participant has it: the moment the whole room sees
 * the same thing. Sender and receivers share this process's clock.
 */
export class Deliveries {
  /** Eight hex digits that only this phase's markers start with. */
  readonly runId = randomBytes(4).toString('hex');
  readonly events: number;
  readonly participants: number;
  delivered = 0;
  duplicates = 0;
  private readonly sentAt: Float64Array;
  private readonly lastAt: Float64Array;
  private readonly count: Uint32Array;
  private readonly seen: Uint8Array;

  constructor(events: number, participants: number) {
    this.events = events;
    this.participants = participants;
    this.sentAt = new Float64Array(events);
    this.lastAt = new Float64Array(events);
    this.count = new Uint32Array(events);
    this.seen = new Uint8Array(events * participants);
  }

  get expected(): number {
    return this.events * (this.participants - 1);
  }

  sent(seq: number, at: number): void {
    this.sentAt[seq] = at;
  }

  /** The facilitator's own copy (index 0) does not count: the others are who must see it. */
  received(index: number, seq: number, at: number): void {
    if (index === 0 || seq < 0 || seq >= this.events) return;
    const slot = seq * this.participants + index;
    if (this.seen[slot]) {
      this.duplicates++;
      return;
    }
    this.seen[slot] = 1;
    this.count[seq]!++;
    this.delivered++;
    if (at > this.lastAt[seq]!) this.lastAt[seq] = at;
  }

  complete(): boolean {
    return this.delivered >= this.expected;
  }

  /** Milliseconds per event that everyone received; an event someone missed counts as lost instead. */
  latencies(): number[] {
    const out: number[] = [];
    for (let seq = 0; seq < this.events; seq++)
      if (this.count[seq] === this.participants - 1) out.push(this.lastAt[seq]! - this.sentAt[seq]!);
    return out;
  }
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
