import { useEffect, useRef } from 'react';

/**
 * An inline form replaces what opened it; when it closes, the keyboard goes back there. Put
 * the returned ref on the element to focus (or on a container: its first button is focused).
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const target = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const node = target.current;
      const button = node?.matches('button') ? node : node?.querySelector<HTMLElement>('button');
      button?.focus();
    }
    wasOpen.current = open;
  }, [open]);
  return target;
}
