import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FactMessage } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { linkify } from '../../lib/linkify.tsx';
import { usePlanData } from '../../planning/PlanContext.tsx';
import classes from './factReview.module.css';

/** An item's conversation, oldest first: who, which side, follow-ups marked. */
export function Thread({ messages, label }: { messages: FactMessage[]; label: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { client } = usePlanData();
  if (messages.length === 0) return null;
  return (
    <ol className={classes.thread} aria-label={label}>
      {messages.map((m) => (
        <li
          key={m.id}
          className={m.side === 'client' ? `${classes.message} ${classes.messageClient}` : classes.message}
        >
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {m.author?.name ?? '—'}
            </Text>
            <Badge size="xs" variant="outline" color={m.side === 'client' ? 'teal' : 'indigo'} tt="none">
              {t(`factReview.thread.sides.${m.side}`)}
            </Badge>
            {m.followUp && (
              <Badge size="xs" variant="light" color="orange" tt="none">
                {t('factReview.thread.followUp')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(m.createdAt, language, client.timezone)}
            </Text>
          </Group>
          <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {linkify(m.body)}
          </Text>
        </li>
      ))}
    </ol>
  );
}
