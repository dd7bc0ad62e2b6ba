import type { HocuspocusProvider } from '@hocuspocus/provider';

/**
 * Resolves once the server has acknowledged every edit of the copy typed so far (it stores an
 * edit before acknowledging it), or after `timeoutMs`: a post sent for review then carries the
 * last words typed, not the copy as it was a second ago.
 */
export function copySaved(provider: HocuspocusProvider | null, timeoutMs = 5000): Promise<void> {
  if (!provider?.hasUnsyncedChanges) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      provider.off('unsyncedChanges', onChange);
      resolve();
    };
    const onChange = ({ number }: { number: number }) => {
      if (number === 0) done();
    };
    const timer = setTimeout(done, timeoutMs);
    provider.on('unsyncedChanges', onChange);
  });
}
