import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostStatusChange } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { StatusIcon, statusColor } from '../list/postStatus.tsx';

/** "Olena (client) asked for changes: “…”", one status change in words. */
export function StatusEvent({ change, timeZone }: { change: PostStatusChange; timeZone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = change.actorName ?? t('postReview.history.someone');
  const side = t(`postReview.comments.sides.${change.side}`);
  const what =
    change.to === 'draft' && change.from === null
      ? t('postReview.history.moves.started', { name, side })
      : t(`postReview.history.moves.${change.to}`, { name, side });
  return (
    <div>
      <Group gap={6} wrap="nowrap" align="flex-start" c={`${statusColor[change.to]}.8`}>
        <span style={{ paddingTop: 3 }}>
          <StatusIcon status={change.to} />
        </span>
        <Text size="sm" c="var(--mantine-color-text)">
          {what}{' '}
          <Text span size="xs" c="dimmed">
            {formatDateTime(change.at, language, timeZone)}
          </Text>
        </Text>
      </Group>
      {change.note && (
        <Text size="sm" fs="italic" ml={20} mt={2} className="pre-wrap">
          {t('postReview.quoted', { text: change.note })}
        </Text>
      )}
    </div>
  );
}
