import type { WorkContext } from '../context.ts';
import { processLinkRequests } from './linkRequests.ts';

/** Lets a command ask the mail worker to run now (after its answer), when one runs here. */
export interface MailQueue {
  wake(): void;
}

/**
 * The mail worker: every round it turns link requests into emails and sends the queued emails
 * whose time has come (new ones, retries, and those a crashed process had claimed). `wake` runs
 * a round at once, on the next turn of the event loop: after the answer that asked for it.
 */
export function startMailWorker(ctx: WorkContext, everyMs: number): MailQueue & { stop(): void } {
  let running = false;
  let again = false;
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await processLinkRequests(ctx);
        await ctx.mailer.deliverDue();
      } while (again);
    } catch (err) {
      ctx.log.warn({ err }, 'mail worker failed; trying again next round');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  let stopped = false;
  return {
    wake: () => {
      if (!stopped) setTimeout(() => void tick(), 0).unref();
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
