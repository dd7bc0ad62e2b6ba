import { Button, Group } from '@mantine/core';
import { IconFlame, IconHeart, IconMoodConfuzed, IconThumbUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import { type Reaction, reactions } from '../../../../../shared/roles.ts';
import { useReaction } from '../../../mutations.ts';
import { useRoom } from '../../RoomContext.tsx';
import { useReportError } from '../../useReportError.ts';

const icons: Record<Reaction, ReactNode> = {
  like: <IconThumbUp size={18} aria-hidden />,
  love: <IconHeart size={18} aria-hidden />,
  fire: <IconFlame size={18} aria-hidden />,
  doubt: <IconMoodConfuzed size={18} aria-hidden />,
};

/** Quick feelings about a topic: each a toggle with its count, named for screen readers. */
export function ReactionButtons({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const react = useReaction(meeting);
  const report = useReportError();
  const tally = meeting.tallies.find((x) => x.topicId === topic.id);
  const enabled = can.vote && topic.status !== 'parked';
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={t('meeting.reactions.label')}>
      {reactions.map((reaction) => {
        const count = tally?.reactions[reaction] ?? 0;
        const on = tally?.myReactions.includes(reaction) ?? false;
        const name = t(`meeting.reactions.${reaction}`);
        return (
          <Button
            key={reaction}
            size="compact-md"
            radius="xl"
            variant={on ? 'light' : 'default'}
            color={on ? 'indigo' : 'gray'}
            aria-pressed={on}
            aria-label={t('meeting.reactions.button', { name, count })}
            title={name}
            disabled={!enabled}
            onClick={() => react.mutate({ topicId: topic.id, reaction, on: !on }, { onError: report })}
          >
            {icons[reaction]}
            <span aria-hidden style={{ marginInlineStart: 6, fontVariantNumeric: 'tabular-nums' }}>
              {count}
            </span>
          </Button>
        );
      })}
    </Group>
  );
}
