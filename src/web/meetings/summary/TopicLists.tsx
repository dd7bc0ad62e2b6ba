import { List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/api/index.ts';
import classes from './summary.module.css';

interface Entry {
  key: string;
  title: string;
  detail: string;
}

function Column({ id, title, entries }: { id: string; title: string; entries: Entry[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} component="section" aria-labelledby={id} className={classes.section}>
      <Title order={3} fz="h5" id={id}>
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('summary.none')}
        </Text>
      ) : (
        <List size="sm" spacing={6}>
          {entries.map((e) => (
            <List.Item key={e.key} style={{ overflowWrap: 'anywhere' }}>
              <Text size="sm" fw={500} span>
                {e.title}
              </Text>
              {e.detail && (
                <Text size="xs" c="dimmed">
                  {e.detail}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** Parked, dropped and new: the topics that did not simply pass, side by side. */
export function TopicLists({ summary }: { summary: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
      <Column
        id="summary-parked"
        title={t('summary.parked')}
        entries={summary.parked.map((p) => ({ key: p.topicId, title: p.title, detail: p.note }))}
      />
      <Column
        id="summary-dropped"
        title={t('summary.dropped')}
        entries={summary.dropped.map((p) => ({ key: p.topicId, title: p.title, detail: p.note }))}
      />
      <Column
        id="summary-ideas"
        title={t('summary.ideas')}
        entries={summary.ideas.map((i) => ({
          key: i.topicId,
          title: i.title,
          detail: i.authorName ? t('summary.ideaBy', { name: i.authorName }) : '',
        }))}
      />
    </SimpleGrid>
  );
}
