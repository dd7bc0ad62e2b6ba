import { useMediaQuery } from '@mantine/hooks';

/**
 * A phone-wide screen (Mantine's `sm` breakpoint, 48em): tables become lists of cards there, so
 * no action hides behind a horizontal scroll. Its targets are at least this tall, for a finger.
 */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 48em)') ?? false;
}

export const PHONE_TARGET = 40;
