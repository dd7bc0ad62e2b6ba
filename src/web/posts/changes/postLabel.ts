import type { TFunction } from 'i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { localParts } from '../../../shared/time.ts';
import type { Language } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayShort } from '../../lib/dates.ts';

/** "Fri 5 Dec, 10:00 · Instagram @kyivcoffee · Reel · Topic": a post named in words, in the client's time. */
export function postLabel(post: PostSummary, timezone: string, t: TFunction, language: Language): string {
  const { date, time } = localParts(new Date(post.publishAt), timezone);
  return [
    `${formatDayShort(date, language)}, ${time}`,
    post.channelLabel,
    formatLabel(post.format, t),
    post.topicTitle ?? t('changes.noTopic'),
  ].join(' · ');
}
