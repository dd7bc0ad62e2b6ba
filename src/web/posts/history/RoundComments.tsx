import { Button, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostComment } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

/** The comments written in one round, folded until asked for; read-only here. */
export function RoundComments({ comments, timeZone }: { comments: PostComment[]; timeZone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [open, setOpen] = useState(false);
  if (comments.length === 0) return null;
  return (
    <Stack gap={6}>
      <Button
        variant="subtle"
        size="xs"
        color="gray"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        rightSection={
          open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
        }
      >
        {t('postReview.history.roundComments', { count: comments.length })}
      </Button>
      {open && (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {comments.map((c) => (
            <li key={c.id}>
              <Text size="sm">
                <Text span fw={600}>
                  {c.authorName ?? '—'}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  ({t(`postReview.comments.sides.${c.side}`)},{' '}
                  {formatDateTime(c.createdAt, language, timeZone)})
                  {c.resolvedAt ? ` · ${t('postReview.history.resolved')}` : ''}
                </Text>
              </Text>
              {c.anchor?.kind === 'text' && (
                <Text size="sm" fs="italic" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('postReview.quoted', { text: c.anchor.quote })}
                </Text>
              )}
              <Text size="sm" className="pre-wrap">
                {c.body}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
