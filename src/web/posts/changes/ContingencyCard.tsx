import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { channelName, usePlanData } from '../../planning/PlanContext.tsx';
import { type MonthContingency, shortConcept } from './changeLabels.ts';

interface Props {
  item: MonthContingency;
  /** Absent when this person may not activate now (the client, a closed month). */
  onActivate?: () => void;
}

/** A prepared "what if" post of the month: ready to activate, or already used and by what. */
export function ContingencyCard({ item, onActivate }: Props) {
  const { t } = useTranslation();
  const { channelById } = usePlanData();
  const { contingency: c, plan, usedBy } = item;
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('changes.contingencies.forPlan', { title: plan.title })}
        </Text>
        <Text size="sm" fw={600} className="pre-wrap" style={{ overflowWrap: 'anywhere' }}>
          {c.concept}
        </Text>
        {c.trigger && (
          <Text size="sm" c="dimmed" className="pre-wrap" style={{ overflowWrap: 'anywhere' }}>
            {t('changes.activate.when', { trigger: c.trigger })}
          </Text>
        )}
        {(c.channelId || c.format) && (
          <Group gap={6}>
            {c.channelId && (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {channelName(channelById.get(c.channelId), t)}
              </Badge>
            )}
            {c.format && (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {formatLabel(c.format, t)}
              </Badge>
            )}
          </Group>
        )}
        <Group justify="space-between" align="center" gap="xs" mt={4} wrap="wrap">
          {usedBy ? (
            <Group gap={6} wrap="wrap">
              <Badge color="teal" variant="light" tt="none">
                {t('changes.contingencies.used', {
                  date: formatLocalDate(usedBy.happenedOn, currentLanguage()),
                })}
              </Badge>
              {usedBy.postId && (
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link to="/posts/$postId" params={{ postId: usedBy.postId ?? '' }} {...props} />
                  )}
                >
                  {t('changes.contingencies.openPost')}
                </Anchor>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('changes.contingencies.ready')}
            </Text>
          )}
          {!usedBy && onActivate && (
            <Button
              size="compact-sm"
              variant="light"
              color="grape"
              leftSection={<IconBolt size={14} aria-hidden />}
              onClick={onActivate}
              aria-label={t('changes.activate.named', { concept: shortConcept(c.concept, 60) })}
            >
              {t('changes.activate.button')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
