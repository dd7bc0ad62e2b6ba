import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import { useVote } from '../../../mutations.ts';
import { useRoom } from '../../RoomContext.tsx';
import { useReportError } from '../../useReportError.ts';

/** Dot voting: everyone's dots on the topic, and this person's own within their budget. */
export function VoteControl({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const vote = useVote(meeting);
  const report = useReportError();
  const tally = meeting.tallies.find((x) => x.topicId === topic.id);
  const total = tally?.dots ?? 0;
  const mine = tally?.myDots ?? 0;
  const used = meeting.tallies.reduce((sum, x) => sum + x.myDots, 0);
  const left = Math.max(0, meeting.voteBudget - used);
  const votable = can.vote && topic.status !== 'parked';
  const set = (dots: number) => vote.mutate({ topicId: topic.id, dots }, { onError: report });

  return (
    <Group gap="lg" align="center" wrap="wrap">
      <Stack gap={0} align="center">
        <Text fz={28} fw={700} lh={1} aria-hidden>
          {total}
        </Text>
        <Text size="xs" c="dimmed">
          {t('meeting.votes.total', { count: total })}
        </Text>
      </Stack>
      {votable ? (
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap" role="group" aria-label={t('meeting.votes.yours')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('meeting.votes.remove')}
              disabled={mine === 0}
              onClick={() => set(mine - 1)}
            >
              <IconMinus size={16} aria-hidden />
            </ActionIcon>
            <Text
              fw={700}
              miw={24}
              ta="center"
              aria-live="polite"
              aria-label={t('meeting.votes.mine', { count: mine })}
            >
              {mine}
            </Text>
            <ActionIcon
              variant="filled"
              size="lg"
              aria-label={t('meeting.votes.add')}
              disabled={left === 0}
              onClick={() => set(mine + 1)}
            >
              <IconPlus size={16} aria-hidden />
            </ActionIcon>
          </Group>
          <Text size="xs" c={left === 0 ? 'orange.8' : 'dimmed'}>
            {t('meeting.votes.left', { count: left, budget: meeting.voteBudget })}
          </Text>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed" maw={200}>
          {meeting.status === 'scheduled'
            ? t('meeting.votes.notYet')
            : mine > 0
              ? t('meeting.votes.mine', { count: mine })
              : ''}
        </Text>
      )}
    </Group>
  );
}
