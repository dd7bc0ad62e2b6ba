import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * Plain text with its http(s) URLs as links. Everything else stays text: email bodies
 * are never rendered as HTML.
 */
export function linkify(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = match[0].replace(TRAILING, '');
    if (start > last) nodes.push(text.slice(last, start));
    // A link whose secret the outbox hid (`/invite/••••••`) leads nowhere: plain text, not a link.
    if (url.includes('•')) {
      nodes.push(
        <Text key={start} span c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {url}
        </Text>,
      );
      last = start + url.length;
      continue;
    }
    // Links back into Plit (invitations, sign-in links) open here; others in a new tab.
    const external = !url.startsWith(window.location.origin);
    nodes.push(
      <Anchor
        key={start}
        href={url}
        target={external ? '_blank' : undefined}
        rel={external ? 'noopener noreferrer' : undefined}
        // A long address breaks where it must, but first moves to its own line: never "http / s://".
        style={{ overflowWrap: 'anywhere' }}
      >
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
