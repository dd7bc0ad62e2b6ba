import type { HocuspocusProvider } from '@hocuspocus/provider';
import { RECONNECT_SPREAD_MS, reconnectAtOnce } from '../../shared/live.ts';

/**
 * The provider retries a dropped socket after a fixed second. A server going away on purpose
 * (a stop, a deploy: 1001 or a proxy's 1012) is answered within moments instead, like the live
 * socket does: another node, or this one restarted, takes the editor back at once. Returns the
 * function that stops listening.
 */
export function reconnectWhenServerLeaves(provider: HocuspocusProvider): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onDisconnect = ({ event }: { event: { code: number } }) => {
    if (!reconnectAtOnce(event.code)) return;
    clearTimeout(timer);
    // connect() drops the provider's pending retry and tries now.
    timer = setTimeout(
      () => void provider.configuration.websocketProvider.connect(),
      Math.random() * RECONNECT_SPREAD_MS,
    );
  };
  provider.on('disconnect', onDisconnect);
  return () => {
    clearTimeout(timer);
    provider.off('disconnect', onDisconnect);
  };
}
