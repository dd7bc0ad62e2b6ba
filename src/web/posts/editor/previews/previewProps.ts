import type { PostAsset } from '../../../../shared/api/index.ts';

/** What every network's preview shows: the post as it would appear, before it does. */
export interface PreviewProps {
  /** The client's name: the account the post goes out from. */
  accountName: string;
  copy: string;
  hashtags: string[];
  link: string;
  firstComment: string;
  assets: PostAsset[];
  /** "Tue 9 Dec, 10:00" in the client's zone. */
  when: string;
}

/** "Kyiv Coffee Roasters" → "kyivcoffeeroasters": how handles look on most networks. */
export function handleOf(name: string): string {
  const handle = name
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}_.]+/gu, '');
  return handle || 'brand';
}

/** The text as posted: the copy, then the hashtags under it (as `checkPost` counts it). */
export function postedText(copy: string, hashtags: string[]): string {
  const tags = hashtags.map((h) => `#${h}`).join(' ');
  if (!tags) return copy;
  return copy ? `${copy}\n\n${tags}` : tags;
}

export const firstImage = (assets: PostAsset[]) =>
  assets.find((a) => a.contentType.startsWith('image/')) ?? null;
