import { useEffect, useState } from 'react';
import type { RoomMeeting } from '../queries.ts';

type Timer = NonNullable<RoomMeeting['timer']>;

/**
 * Milliseconds left on a timer by the server's clock (negative once over time), ticking
 * while it runs; null without a timer. `clockOffsetMs` corrects a browser clock that is off.
 */
export function useCountdown(timer: Timer | null, clockOffsetMs: number): number | null {
  const running = Boolean(timer?.endsAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [running]);
  if (!timer) return null;
  if (!timer.endsAt) return timer.remainingMs;
  return Date.parse(timer.endsAt) - (now + clockOffsetMs);
}
