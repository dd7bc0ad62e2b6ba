import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Channel, Meeting } from '../../../shared/api/index.ts';
import type { Network, Side } from '../../../shared/roles.ts';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { statusColor, statusLabel } from '../../planning/labels.ts';
import { channelName } from '../../planning/PlanContext.tsx';
import { CommentThread, verdictColor } from './CommentThread.tsx';
import { Composer } from './Composer.tsx';
import type { CommentInput, ReviewDecision } from './meetingReviewMutations.ts';
import { ReviewDecisionButtons } from './ReviewDecisionButtons.tsx';
import type { ReviewItem } from './reviewModel.ts';

interface Props {
  item: ReviewItem;
  meeting: Meeting;
  channel: Channel | undefined;
  timezone: string;
  side: Side;
  comment: (input: CommentInput) => Promise<unknown>;
  decide: (input: ReviewDecision) => Promise<unknown>;
}

/** One slot (or unplaced topic): where and when, the topic, its thread and what you can do about it. */
export function ReviewItemCard({ item, meeting, channel, timezone, side, comment, decide }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { slot, topic } = item;
  const title = topic?.title ?? t('review.freeSlot');
  const headingId = `review-${item.key}`;
  const decisions =
    topic && side === 'agency' && meeting.abilities.decide && topic.status !== 'parked' ? (
      <ReviewDecisionButtons topic={topic} decide={decide} />
    ) : null;
  const decided = topic && topic.status !== 'proposed' ? statusLabel(topic.status, t) : null;
  const decidedLabel = item.decision ? t(`review.decided.${item.decision.kind}`) : decided;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={headingId}
      style={item.reviewed ? { borderLeft: '4px solid var(--mantine-color-teal-5)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2} miw={0} style={{ flex: '1 1 16rem' }}>
            {slot && (
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {formatDayShort(slot.date, language)}, {slot.time}
                </Text>
                {channel && <NetworkIcon network={channel.network as Network} size={16} />}
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {channelName(channel, t)} · {formatLabel(slot.format, t)}
                </Text>
              </Group>
            )}
            <Text
              id={headingId}
              fw={600}
              c={topic ? undefined : 'dimmed'}
              fs={topic ? undefined : 'italic'}
              style={{ overflowWrap: 'anywhere' }}
            >
              {title}
            </Text>
            {topic?.angle && (
              <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                {topic.angle}
              </Text>
            )}
          </Stack>
          <Group gap={6} wrap="wrap">
            {item.verdict && (
              <Badge color={verdictColor[item.verdict]} variant="light" tt="none">
                {t(`review.clientSays.${item.verdict}`)}
              </Badge>
            )}
            {topic && topic.status !== 'proposed' && (
              <Badge
                color={statusColor[topic.status]}
                variant="filled"
                tt="none"
                leftSection={<IconCircleCheck size={12} aria-hidden />}
              >
                {item.decision?.decidedByName
                  ? t('review.decidedBy', { kind: decidedLabel, name: item.decision.decidedByName })
                  : decidedLabel}
              </Badge>
            )}
          </Group>
        </Group>
        {item.decision?.note && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {t(`review.decided.${item.decision.kind}`)}:
            </Text>{' '}
            {item.decision.note}
          </Text>
        )}
        <CommentThread comments={item.comments} timezone={timezone} />
        {meeting.abilities.comment ? (
          <Composer
            side={side}
            subject={title}
            send={(input) => comment({ subjectType: item.subjectType, subjectId: item.subjectId, ...input })}
            aside={decisions}
          />
        ) : (
          decisions
        )}
      </Stack>
    </Paper>
  );
}
