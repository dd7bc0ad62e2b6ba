import { List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../../shared/api/index.ts';
import { currentLanguage, type Language } from '../../../../i18n/index.ts';
import { clockTime } from '../../labels.ts';
import { useRoom } from '../../RoomContext.tsx';

/** "Parked by Olena (client) · 10:42", with the note of a change. */
function decisionLine(d: Decision, t: TFunction, language: Language, timeZone: string): string {
  return t(`meeting.decisions.line.${d.kind}`, {
    name: d.decidedByName ?? t('meeting.someone'),
    side: t(`meeting.sidesInline.${d.side}`),
    time: clockTime(d.createdAt, language, timeZone),
  });
}

/** Who decided what about the topic, latest first: the first line is the decision in force. */
export function DecisionHistory({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { meeting, client } = useRoom();
  const mine = meeting.decisions.filter((d) => d.topicId === topicId).reverse();
  const [latest, ...earlier] = mine;
  if (!latest) {
    return (
      <Text size="sm" c="dimmed">
        {t('meeting.decisions.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm" fw={600}>
        {decisionLine(latest, t, language, client.timezone)}
      </Text>
      {latest.note && (
        <Text size="sm" className="pre-wrap">
          {latest.note}
        </Text>
      )}
      {earlier.length > 0 && (
        <List size="xs" c="dimmed" spacing={2}>
          {earlier.map((d) => (
            <List.Item key={d.id}>
              {decisionLine(d, t, language, client.timezone)}
              {d.note ? `: ${d.note}` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
