import { Stack } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { FollowBar } from './FollowBar.tsx';
import { ContingenciesPanel } from './panels/ContingenciesPanel.tsx';
import { NewsPanel } from './panels/NewsPanel.tsx';
import { OtherPanel } from './panels/OtherPanel.tsx';
import { QuestionsPanel } from './panels/QuestionsPanel.tsx';
import { SchedulePanel } from './panels/SchedulePanel.tsx';
import { TopicsPanel } from './panels/TopicsPanel.tsx';
import { WrapupPanel } from './panels/WrapupPanel.tsx';
import { useRoom, useRoomView } from './RoomContext.tsx';
import { ScheduledBanner } from './ScheduledBanner.tsx';
import { useScrollToFocus } from './useScrollToFocus.ts';

/** The item under discussion: one panel per kind of agenda item. */
export function RoomMain() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const view = useRoomView();
  const item = meeting.agenda.find((a) => a.id === view.itemId);
  const top = useRef<HTMLDivElement>(null);
  useScrollToFocus(top, view);
  return (
    <Stack gap="md" ref={top} style={{ scrollMarginTop: 8 }}>
      {meeting.status === 'scheduled' && <ScheduledBanner />}
      {meeting.status === 'live' && <FollowBar />}
      {!item ? (
        <EmptyBlock
          icon={<IconListDetails />}
          title={t('meeting.agenda.emptyTitle')}
          description={t('meeting.agenda.emptyHint')}
        />
      ) : item.kind === 'news' ? (
        <NewsPanel item={item} />
      ) : item.kind === 'schedule' ? (
        <SchedulePanel item={item} />
      ) : item.kind === 'topics' ? (
        <TopicsPanel item={item} />
      ) : item.kind === 'contingencies' ? (
        <ContingenciesPanel item={item} />
      ) : item.kind === 'questions' ? (
        <QuestionsPanel item={item} />
      ) : item.kind === 'wrapup' ? (
        <WrapupPanel item={item} />
      ) : (
        <OtherPanel item={item} />
      )}
    </Stack>
  );
}
