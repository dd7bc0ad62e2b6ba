import { ActionIcon, Badge, Group, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../../components/LanguageSwitcher.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatMonth } from '../../../lib/dates.ts';
import { LiveIndicator } from '../../../live/LiveIndicator.tsx';
import { useRoom } from '../RoomContext.tsx';
import classes from '../room.module.css';
import { EndMeetingButton } from './EndMeetingButton.tsx';
import { HandOverMenu } from './HandOverMenu.tsx';
import { MeetingWhereWhen } from './MeetingWhereWhen.tsx';
import { PresenceList } from './PresenceList.tsx';

const statusColor = { scheduled: 'blue', live: 'red', ended: 'gray' } as const;

/** Whose meeting, its state, where it happens, who is in and who leads; the runner's controls. */
export function RoomHeader() {
  const { t } = useTranslation();
  const { meeting, plan, client, can } = useRoom();
  const month = formatMonth(plan.cycle.month, currentLanguage());
  const live = meeting.status === 'live';
  return (
    <Group
      component="header"
      className={classes.header}
      justify="space-between"
      wrap="wrap"
      px="md"
      py={8}
      gap="sm"
    >
      <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 320px' }}>
        <Tooltip label={t('meeting.backToPlan')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('meeting.backToPlan')}
            renderRoot={(props) => (
              <Link to="/cycles/$cycleId" params={{ cycleId: meeting.cycleId }} {...props} />
            )}
          >
            <IconArrowLeft size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {t('meeting.heading', { client: client.name, month })}
          </Title>
          <MeetingWhereWhen
            status={
              <Badge color={statusColor[meeting.status]} variant={live ? 'filled' : 'light'} tt="none">
                {t(`meeting.statuses.${meeting.status}`)}
              </Badge>
            }
          />
        </div>
      </Group>
      <Group gap="sm" wrap="wrap" justify="flex-end">
        <LiveIndicator />
        {meeting.status !== 'ended' && <PresenceList />}
        {live && can.run && <HandOverMenu />}
        {live && can.run && <EndMeetingButton size="sm" />}
        <LanguageSwitcher compact />
      </Group>
    </Group>
  );
}
