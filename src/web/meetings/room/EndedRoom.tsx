import { Button, Stack } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { SummaryView } from '../SummaryView.tsx';
import { RoomHeader } from './header/RoomHeader.tsx';
import { useRoom } from './RoomContext.tsx';
import classes from './room.module.css';

/** After the meeting: the room gives way to its summary. */
export function EndedRoom() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const back = (
    <Button
      variant="default"
      leftSection={<IconArrowLeft size={16} aria-hidden />}
      renderRoot={(props) => <Link to="/cycles/$cycleId" params={{ cycleId: meeting.cycleId }} {...props} />}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('meeting.backToPlan')}
    </Button>
  );
  return (
    <div className={classes.page}>
      <RoomHeader />
      <Stack component="main" id="main" p="md" gap="md" w="100%" maw={1100} mx="auto">
        {meeting.summary ? (
          <>
            <SummaryView meeting={meeting} />
            {back}
          </>
        ) : (
          <EmptyBlock
            order={2}
            icon={<IconCircleCheck />}
            title={t('meeting.ended.title')}
            description={t('meeting.ended.hint')}
            action={back}
          />
        )}
      </Stack>
    </div>
  );
}
