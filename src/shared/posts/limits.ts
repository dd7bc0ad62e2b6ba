import type { Network } from '../roles.ts';

/**
 * What each network takes in a post, as its own help pages state them (checked 2026-11):
 * caption length, hashtags, whether a first comment is a thing there. Limits count what the
 * network counts: characters (code points), and on X its weighted count (see `xLength`).
 */
export interface NetworkRules {
  /** The longest copy (caption, post text). */
  copy: number;
  /** The longest copy when the post carries a photo or video, where that is less (Telegram). */
  copyWithMedia?: number;
  /** The most hashtags the network accepts. */
  hashtags?: number;
  /** A first comment can be posted under the post. */
  firstComment: boolean;
  /** Links in the copy are clickable. */
  clickableLinks: boolean;
}

export const networkRules: Record<Network, NetworkRules> = {
  instagram: { copy: 2200, hashtags: 30, firstComment: true, clickableLinks: false },
  facebook: { copy: 63206, firstComment: true, clickableLinks: true },
  tiktok: { copy: 4000, firstComment: true, clickableLinks: false },
  telegram: { copy: 4096, copyWithMedia: 1024, firstComment: false, clickableLinks: true },
  linkedin: { copy: 3000, firstComment: true, clickableLinks: true },
  x: { copy: 280, firstComment: true, clickableLinks: true },
  youtube: { copy: 5000, firstComment: true, clickableLinks: true },
  threads: { copy: 500, firstComment: true, clickableLinks: true },
  pinterest: { copy: 500, firstComment: false, clickableLinks: false },
  other: { copy: 100_000, firstComment: true, clickableLinks: true },
};

/** Characters as a person counts them: an emoji or a Cyrillic letter is one, not two UTF-16 units. */
export const characters = (text: string) => [...text].length;

const URL_PATTERN = /https?:\/\/\S+/g;
/** Every link on X counts as 23 characters, however long it is. */
const X_URL_LENGTH = 23;

/**
 * X's weighted length: Latin, Cyrillic and common punctuation weigh 1, everything else
 * (emoji, CJK) weighs 2, and each link 23.
 */
export function xLength(text: string): number {
  let length = 0;
  const withoutLinks = text.replace(URL_PATTERN, () => {
    length += X_URL_LENGTH;
    return '';
  });
  for (const ch of withoutLinks) {
    const cp = ch.codePointAt(0)!;
    const light =
      cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    length += light ? 1 : 2;
  }
  return length;
}

export interface PostDraft {
  copy: string;
  hashtags: string[];
  firstComment: string;
  hasMedia: boolean;
}

export type PostProblem =
  | { code: 'copy_too_long'; length: number; limit: number }
  | { code: 'too_many_hashtags'; count: number; limit: number }
  | { code: 'first_comment_unsupported' }
  | { code: 'links_not_clickable' };

/**
 * How a post fits its network, as the writer types: the length the network counts against its
 * limit (hashtags go into the copy when posted), and what would go wrong.
 */
export function checkPost(network: Network, post: PostDraft) {
  const rules = networkRules[network];
  const tags = post.hashtags.map((h) => (h.startsWith('#') ? h : `#${h}`));
  const posted = tags.length ? `${post.copy}\n\n${tags.join(' ')}` : post.copy;
  const length = network === 'x' ? xLength(posted) : characters(posted);
  const limit = post.hasMedia && rules.copyWithMedia ? rules.copyWithMedia : rules.copy;
  const problems: PostProblem[] = [];
  if (length > limit) problems.push({ code: 'copy_too_long', length, limit });
  const inlineTags = post.copy.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  const count = tags.length + inlineTags;
  if (rules.hashtags !== undefined && count > rules.hashtags) {
    problems.push({ code: 'too_many_hashtags', count, limit: rules.hashtags });
  }
  if (post.firstComment.trim() && !rules.firstComment) problems.push({ code: 'first_comment_unsupported' });
  if (!rules.clickableLinks && URL_PATTERN.test(post.copy)) problems.push({ code: 'links_not_clickable' });
  URL_PATTERN.lastIndex = 0;
  return { length, limit, problems };
}
