import { Tabs } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaColumn } from './agenda/AgendaColumn.tsx';
import { RoomHeader } from './header/RoomHeader.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { RoomMain } from './RoomMain.tsx';
import classes from './room.module.css';

type NarrowTab = 'discussion' | 'agenda' | 'notes';

/**
 * Wide screens: agenda, the item under discussion and the notes side by side, each column
 * scrolling on its own. Narrow screens (a phone): the same three as tabs.
 */
export function RoomLayout() {
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  return (
    <div className={classes.page} data-layout={wide ? 'wide' : 'narrow'}>
      <RoomHeader />
      {wide ? <WideRoom /> : <NarrowRoom />}
    </div>
  );
}

function WideRoom() {
  const [notesOpen, setNotesOpen] = useLocalStorage({ key: 'plit.meetingNotes', defaultValue: true });
  return (
    <div className={classes.wide} data-notes={notesOpen ? 'open' : 'closed'}>
      <div className={classes.column}>
        <AgendaColumn />
      </div>
      <main id="main" className={classes.column}>
        <RoomMain />
      </main>
      <div className={classes.column}>
        <NotesPanel open={notesOpen} onToggle={() => setNotesOpen(!notesOpen)} />
      </div>
    </div>
  );
}

function NarrowRoom() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<NarrowTab>('discussion');
  return (
    <Tabs
      value={tab}
      onChange={(next) => setTab((next as NarrowTab) ?? 'discussion')}
      className={classes.narrow}
      keepMounted
      styles={{ tab: { paddingInline: 8 } }}
    >
      <Tabs.List grow mb="sm" style={{ flexWrap: 'nowrap' }}>
        <Tabs.Tab value="discussion">{t('meeting.tabs.discussion')}</Tabs.Tab>
        <Tabs.Tab value="agenda">{t('meeting.tabs.agenda')}</Tabs.Tab>
        <Tabs.Tab value="notes">{t('meeting.tabs.notes')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="discussion">
        <main id="main">
          <RoomMain />
        </main>
      </Tabs.Panel>
      <Tabs.Panel value="agenda">
        <AgendaColumn onNavigate={() => setTab('discussion')} />
      </Tabs.Panel>
      <Tabs.Panel value="notes">
        <NotesPanel open />
      </Tabs.Panel>
    </Tabs>
  );
}
