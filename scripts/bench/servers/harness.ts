import type { FromServer, PlitMeeting, ToServer } from '../protocol.ts';

export interface Running {
  port: number;
  meeting?: PlitMeeting;
  stop(): Promise<void>;
}

const tell = (message: FromServer) => process.send?.(message);

/**
 * Run one server in this process and answer the orchestrator: where it listens, and on
 * request how much CPU it has used and how much memory it holds (after a full collection when
 * asked, so the figure is what the connections keep, not garbage waiting to be swept).
 */
export async function serve(start: () => Promise<Running>): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const running = await start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop().catch((err: unknown) => console.error('bench server: stopping failed', err));
    process.exit(0);
  };
  process.on('message', (message: ToServer) => {
    if (message.type === 'stop') return void stop();
    if (message.collect) {
      gc?.();
      gc?.();
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    tell({
      type: 'probe',
      cpuUs: cpu.user + cpu.system,
      rss: memory.rss,
      heap: memory.heapUsed + memory.external,
    });
  });
  // The orchestrator is gone (crashed, interrupted): do not linger.
  process.on('disconnect', () => void stop());
  tell({ type: 'ready', port: running.port, meeting: running.meeting ?? null });
}
