import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/api/index.ts';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { channelText, parseChannel } from './labels.ts';
import classes from './summary.module.css';

/** The agreed schedule in calendar order: when, where, the topic, and what changes. */
export function AgreedSchedule({ agreed }: { agreed: MeetingSummary['agreed'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (agreed.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('summary.agreedEmpty')}
      </Text>
    );
  }
  return (
    <ol className={classes.list}>
      {agreed.map((a) => {
        const network = a.slot ? parseChannel(a.slot.channel).network : null;
        return (
          <li key={a.topicId} className={classes.row}>
            <div>
              {a.slot ? (
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {formatDayShort(a.slot.date, language)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {a.slot.time}
                  </Text>
                </Group>
              ) : (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('summary.noSlot')}
                </Text>
              )}
            </div>
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {a.title}
                </Text>
                {a.status === 'changed' && (
                  <Badge color="yellow" variant="light" size="sm" tt="none">
                    {t('summary.changedBadge')}
                  </Badge>
                )}
                {a.votes > 0 && (
                  <Badge color="gray" variant="outline" size="sm" tt="none">
                    {t('summary.votes', { count: a.votes })}
                  </Badge>
                )}
              </Group>
              {a.slot && (
                <Group gap={4} wrap="nowrap" mt={2}>
                  {network && <NetworkIcon network={network} size={14} />}
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {channelText(a.slot.channel, t)} · {formatLabel(a.slot.format, t)}
                  </Text>
                </Group>
              )}
              {a.change && (
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {t('summary.whatChanges', { text: a.change })}
                </Text>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
