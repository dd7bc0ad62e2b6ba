import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

export const verdictColor = { accept: 'teal', changes: 'orange' } as const;

/** The comments on one item, oldest first: who, which side, their verdict, what they wrote. */
export function CommentThread({ comments, timezone }: { comments: ReviewComment[]; timezone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (comments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('review.noComments')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {comments.map((c) => (
        <li
          key={c.id}
          style={{
            borderLeft: `3px solid var(--mantine-color-${c.side === 'client' ? 'teal' : 'indigo'}-4)`,
            paddingLeft: 'var(--mantine-spacing-sm)',
          }}
        >
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {c.authorName ?? '—'}
            </Text>
            <Badge size="xs" variant="outline" color={c.side === 'client' ? 'teal' : 'indigo'} tt="none">
              {t(`review.sides.${c.side}`)}
            </Badge>
            {c.verdict && (
              <Badge size="xs" variant="light" color={verdictColor[c.verdict]} tt="none">
                {t(`review.verdicts.${c.verdict}`)}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(c.createdAt, language, timezone)}
            </Text>
          </Group>
          {c.body && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {c.body}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
