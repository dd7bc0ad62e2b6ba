import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconConfetti } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DiffLegend } from './DiffText.tsx';
import classes from './history.module.css';
import { historyByRound } from './historyModel.ts';
import { RoundComments } from './RoundComments.tsx';
import { StatusEvent } from './StatusEvent.tsx';
import { VersionChanges } from './VersionChanges.tsx';

/**
 * Every round of the post: each version sent with a word-level diff to the one before, who
 * asked for what, who changed it, and the comments of the round. Used by both sides.
 */
export function PostHistory({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const timeZone = data.client.timezone;
  const rounds = historyByRound(data);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="history-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id="history-heading">
            {t('postReview.history.title')}
          </Title>
          {data.versions.length > 1 && <DiffLegend />}
        </Group>
        {rounds.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('postReview.history.empty')}
          </Text>
        )}
        {rounds.map((section) => (
          <section
            key={section.round}
            className={`${classes.round} ${section.approved ? classes.roundApproved : ''}`}
            aria-labelledby={`round-${section.round}`}
          >
            <Stack gap="sm">
              <Group gap="xs" wrap="wrap">
                <Title order={3} size="h5" id={`round-${section.round}`}>
                  {t('postReview.list.roundN', { round: section.round })}
                </Title>
                {section.approved && section.round === 1 && (
                  <Badge
                    color="teal"
                    variant="light"
                    tt="none"
                    leftSection={<IconConfetti size={12} aria-hidden />}
                  >
                    {t('postReview.history.firstRound')}
                  </Badge>
                )}
              </Group>
              <ol className={classes.events}>
                {section.events.map((event) =>
                  event.kind === 'version' ? (
                    <li key={`v${event.version.revision}`}>
                      <Stack gap={6}>
                        <Group gap={6} wrap="wrap">
                          <Badge color="indigo" variant="filled" tt="none">
                            {t('postReview.history.version', { revision: event.version.revision })}
                          </Badge>
                          <Text size="sm">
                            {t('postReview.history.sentBy', {
                              name: event.version.sentByName ?? t('postReview.history.someone'),
                            })}{' '}
                            <Text span size="xs" c="dimmed">
                              {formatDateTime(event.version.createdAt, language, timeZone)}
                            </Text>
                          </Text>
                        </Group>
                        {event.previous && (
                          <Text size="xs" c="dimmed">
                            {t('postReview.history.comparedWith', { revision: event.previous.revision })}
                          </Text>
                        )}
                        <VersionChanges
                          version={event.version}
                          previous={event.previous}
                          timeZone={timeZone}
                        />
                      </Stack>
                    </li>
                  ) : (
                    <li key={`s${event.at}${event.change.to}`}>
                      <StatusEvent change={event.change} timeZone={timeZone} />
                    </li>
                  ),
                )}
              </ol>
              <RoundComments comments={section.comments} timeZone={timeZone} />
            </Stack>
          </section>
        ))}
      </Stack>
    </Paper>
  );
}
