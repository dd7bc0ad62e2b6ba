import type { WorkContext } from '../context.ts';
import { processLinkRequests } from './linkRequests.ts';

/** Lets a command ask the mail worker to run now (after its answer), when one runs here. */
export interface MailQueue {
  wake(): void;
}

/** A woken round waits a random moment in this range, so its work lands on no particular request. */
const WAKE_DELAY_MS = [200, 1000] as const;

/**
 * The mail worker: every round it turns link requests into emails and sends the queued emails
 * whose time has come (new ones, retries, and those a crashed process had claimed). `wake` runs
 * a round soon, after a random delay: the round does more work for an address with an account
 * (a token, an email), and run at once it would slow whichever request comes right after the
 * asker's, which an asker could time instead.
 */
export function startMailWorker(ctx: WorkContext, everyMs: number): MailQueue & { stop(): void } {
  let running = false;
  let again = false;
  let woken: NodeJS.Timeout | null = null;
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
      if (stopped || woken) return;
      const [min, max] = WAKE_DELAY_MS;
      woken = setTimeout(
        () => {
          woken = null;
          void tick();
        },
        min + Math.random() * (max - min),
      );
      woken.unref();
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      if (woken) clearTimeout(woken);
    },
  };
}
