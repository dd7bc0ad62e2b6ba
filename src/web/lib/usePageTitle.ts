import { useDocumentTitle } from '@mantine/hooks';

/** "Clients · Plit": every screen names itself in the tab and for screen readers. */
export function usePageTitle(title: string | undefined): void {
  useDocumentTitle(title ? `${title} · Plit` : 'Plit');
}
