import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/api/index.ts';
import { type Likelihood, likelihoods } from '../../../shared/roles.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { channelText } from './labels.ts';

const likelihoodColor: Record<Likelihood, string> = { certain: 'teal', likely: 'blue', maybe: 'gray' };

/** What the client expects in the month, each with the "what if" posts prepared for it. */
export function ClientPlans({ plans }: { plans: MeetingSummary['plans'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (plans.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('summary.plansEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {plans.map((p, i) => {
        const known = (likelihoods as readonly string[]).includes(p.likelihood);
        const when = [p.startsOn, p.endsOn]
          .filter((d): d is string => Boolean(d))
          .map((d) => formatDayShort(d, language))
          .join(' – ');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a frozen summary never reorders
          <Stack gap={4} key={i}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {p.title}
              </Text>
              <Badge
                size="sm"
                variant="light"
                tt="none"
                color={known ? likelihoodColor[p.likelihood as Likelihood] : 'gray'}
              >
                {known ? t(`summary.likelihoods.${p.likelihood as Likelihood}`) : p.likelihood}
              </Badge>
              {when && (
                <Text size="sm" c="dimmed">
                  {when}
                </Text>
              )}
            </Group>
            {p.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {p.notes}
              </Text>
            )}
            {p.contingencies.length > 0 && (
              <List size="sm" spacing={4} withPadding>
                {p.contingencies.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a frozen summary never reorders
                  <List.Item key={j} style={{ overflowWrap: 'anywhere' }}>
                    <Text span size="sm" fw={600}>
                      {t('summary.whatIf')}:
                    </Text>{' '}
                    {c.concept}
                    {(c.trigger || c.channel || c.format) && (
                      <Text size="xs" c="dimmed">
                        {[c.trigger, channelText(c.channel, t), c.format ? formatLabel(c.format, t) : '']
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
