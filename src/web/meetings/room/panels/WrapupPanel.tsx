import { Alert, Anchor, Group, List, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/index.ts';
import { EndMeetingButton } from '../header/EndMeetingButton.tsx';
import { ideasOfThisMeeting, latestDecisions } from '../labels.ts';
import { useRoom, useRoomView } from '../RoomContext.tsx';
import { PanelSection } from './PanelSection.tsx';

/** A short recap before the end: what was decided, what is new, what is still open. */
export function WrapupPanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting, plan, topics, can } = useRoom();
  const view = useRoomView();
  const kinds = [...latestDecisions(meeting.decisions).values()].map((d) => d.kind);
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  const undecided = plan.topics.filter((x) => x.status === 'proposed');
  const topicsItem = meeting.agenda.find((a) => a.kind === 'topics');
  const tiles = [
    { key: 'accepted', value: count('accept'), color: 'teal' },
    { key: 'changed', value: count('change'), color: 'yellow.8' },
    { key: 'moved', value: count('move'), color: 'indigo' },
    { key: 'parked', value: count('park'), color: 'gray' },
    { key: 'dropped', value: count('drop'), color: 'red' },
    { key: 'ideas', value: ideasOfThisMeeting(topics, meeting.startedAt).length, color: 'grape' },
    {
      key: 'openQuestions',
      value: meeting.questions.filter((q) => q.status === 'open').length,
      color: 'orange',
    },
    {
      key: 'forFacts',
      value: meeting.questions.filter((q) => q.status === 'for_facts').length,
      color: 'grape',
    },
  ] as const;

  return (
    <PanelSection item={item} hint={t('meeting.wrapup.hint')}>
      <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
        {tiles.map((tile) => (
          <Paper key={tile.key} withBorder radius="md" p="sm">
            <Text fz={28} fw={700} c={tile.color} lh={1.1}>
              {tile.value}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`meeting.wrapup.${tile.key}`, { count: tile.value })}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {undecided.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('meeting.wrapup.undecided', { count: undecided.length })}
        >
          <Text size="sm" mb={6}>
            {t('meeting.wrapup.undecidedHint')}
          </Text>
          <List size="sm" spacing={2}>
            {undecided.map((x) => (
              <List.Item key={x.id}>
                {topicsItem ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => view.goTo(topicsItem.id, x.id)}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {x.title}
                  </Anchor>
                ) : (
                  x.title
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {meeting.status === 'live' && can.run && (
        <Group justify="flex-end">
          <EndMeetingButton />
        </Group>
      )}
    </PanelSection>
  );
}
