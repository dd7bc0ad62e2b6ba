/** What the orchestrator and the server processes it starts say to each other (over Node's IPC). */

export const serverKinds = ['ws-relay', 'hocuspocus', 'plit'] as const;
export type ServerKind = (typeof serverKinds)[number];

/** The meeting a Plit server set up for the run: who may join, who moves the focus. */
export interface PlitMeeting {
  meetingId: string;
  /** `cookie` header values; the first is the facilitator's. */
  cookies: string[];
}

export type FromServer =
  | { type: 'ready'; port: number; meeting: PlitMeeting | null }
  | { type: 'probe'; cpuUs: number; rss: number; heap: number };

/** `collect`: a full garbage collection first, for memory; never inside a CPU window. */
export type ToServer = { type: 'probe'; collect: boolean } | { type: 'stop' };

/**
 * The facilitator's name, the same in every server, so the frames the baselines relay are
 * as long as the focus frames Plit encodes.
 */
export const FACILITATOR_NAME = 'Olena Kovalenko';

/**
 * Each event carries its number in a uuid (the topic it focuses on), so a receiver can tell
 * which event arrived, and a stray frame of another case can never be counted.
 */
export const markerOf = (runId: string, seq: number) =>
  `${runId}-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;

export function seqOf(runId: string, marker: unknown): number | null {
  if (typeof marker !== 'string' || !marker.startsWith(runId)) return null;
  return Number.parseInt(marker.slice(24), 16);
}
