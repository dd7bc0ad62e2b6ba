import { Badge, ColorSwatch, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import { channelName, usePlanData } from '../PlanContext.tsx';

function count<T>(items: T[], key: (item: T) => string | null): Map<string | null, number> {
  const map = new Map<string | null, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
}

/** The schedule at a glance: slots per channel and per rubric, and how many still need a topic. */
export function ScheduleCounts() {
  const { t } = useTranslation();
  const data = usePlanData();
  const slots = data.plan.slots;
  const perChannel = count(slots, (s) => s.channelId);
  const perRubric = count(slots, (s) => s.rubricId);
  const free = slots.filter((s) => !s.topicId).length;

  return (
    <Paper withBorder radius="md" p="sm">
      <Group gap="lg" wrap="wrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {t('cycles.counts.slots', { count: slots.length })}
          </Text>
          <Badge color={free > 0 ? 'orange' : 'teal'} variant="light" tt="none">
            {t('cycles.counts.free', { count: free })}
          </Badge>
        </Group>
        {perChannel.size > 0 && (
          <Group gap={6} wrap="wrap" role="list" aria-label={t('schedule.perChannel')}>
            {[...perChannel].map(([id, n]) => {
              const channel = id ? data.channelById.get(id) : undefined;
              return (
                <Badge
                  key={id ?? 'none'}
                  role="listitem"
                  variant="outline"
                  color="gray"
                  tt="none"
                  leftSection={channel && <NetworkIcon network={channel.network} size={12} />}
                >
                  {`${channelName(channel, t)}: ${n}`}
                </Badge>
              );
            })}
          </Group>
        )}
        {perRubric.size > 0 && (
          <Group gap={6} wrap="wrap" role="list" aria-label={t('schedule.perRubric')}>
            {[...perRubric].map(([id, n]) => {
              const rubric = id ? data.rubricById.get(id) : undefined;
              return (
                <Badge
                  key={id ?? 'none'}
                  role="listitem"
                  variant="outline"
                  color="gray"
                  tt="none"
                  leftSection={rubric && <ColorSwatch color={rubric.color} size={10} aria-hidden />}
                >
                  {`${rubric?.name ?? t('schedule.noRubric')}: ${n}`}
                </Badge>
              );
            })}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
