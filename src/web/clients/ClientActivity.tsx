import { Button, ColorSwatch, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { describeEvent, eventColor } from '../lib/eventText.ts';
import { formatDateTime } from '../lib/format.ts';
import { eventsQuery } from './queries.ts';

/** What happened to this client, newest first; times in the client's time zone. */
export function ClientActivity({ client }: { client: Client }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const events = useInfiniteQuery(eventsQuery(client.id));
  const list = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <section aria-labelledby="activity-heading">
      <SectionHeader
        id="activity-heading"
        title={t('activity.title')}
        description={t('activity.description')}
      />
      {events.isPending ? (
        <LoadingState rows={4} height={48} />
      ) : !events.data ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : list.length === 0 ? (
        <EmptyBlock order={3} icon={<IconActivity />} title={t('activity.empty')} />
      ) : (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="lg">
            <Timeline bulletSize={14} lineWidth={2} color="indigo">
              {list.map((event) => {
                const color = eventColor(event);
                return (
                  <Timeline.Item key={event.id}>
                    <Stack gap={2}>
                      {describeEvent(event, t, language).map((line) => (
                        <Group key={line} gap={8} wrap="nowrap" align="flex-start">
                          {color && (
                            <ColorSwatch
                              color={color}
                              size={14}
                              mt={4}
                              style={{ flexShrink: 0 }}
                              aria-hidden
                            />
                          )}
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {line}
                          </Text>
                        </Group>
                      ))}
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {event.actorName ?? t('activity.system')} ·{' '}
                        <time dateTime={event.createdAt}>
                          {formatDateTime(event.createdAt, language, client.timezone)}
                        </time>
                      </Text>
                    </Stack>
                  </Timeline.Item>
                );
              })}
            </Timeline>
            {events.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
                style={{ alignSelf: 'center' }}
              >
                {t('activity.loadMore')}
              </Button>
            )}
            {events.isFetchNextPageError && (
              <ErrorState error={events.error} onRetry={() => void events.fetchNextPage()} />
            )}
          </Stack>
        </Paper>
      )}
    </section>
  );
}
