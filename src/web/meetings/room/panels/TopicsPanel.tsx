import { Button } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/index.ts';
import { EmptyBlock } from '../../../components/EmptyBlock.tsx';
import { isTyping } from '../labels.ts';
import { useRoom, useRoomView } from '../RoomContext.tsx';
import classes from '../room.module.css';
import { PanelSection } from './PanelSection.tsx';
import { IdeaForm } from './topic/IdeaForm.tsx';
import { RoomTopicList, type TopicOrder } from './topic/RoomTopicList.tsx';
import { TopicCard } from './topic/TopicCard.tsx';

/** The topics, one at a time: votes, reactions and the decision; all of them beside, to jump. */
export function TopicsPanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { topics, meeting, can } = useRoom();
  const view = useRoomView();
  const [order, setOrder] = useState<TopicOrder>('plan');
  const [adding, setAdding] = useState(false);

  const ordered = useMemo(() => {
    if (order === 'plan') return topics;
    const dots = new Map(meeting.tallies.map((x) => [x.topicId, x.dots]));
    return [...topics].sort((a, b) => (dots.get(b.id) ?? 0) - (dots.get(a.id) ?? 0));
  }, [topics, order, meeting.tallies]);

  const wanted = view.itemId === item.id ? view.topicId : null;
  const index = Math.max(
    0,
    ordered.findIndex((x) => x.id === wanted),
  );
  const topic = ordered[index];
  const show = (at: number) => {
    const next = ordered[at];
    if (next) view.goTo(item.id, next.id);
  };

  // ← and → walk the topics, unless the person is typing or in a menu or dialog.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) return;
      if (event.key === 'ArrowRight' && ordered[index + 1]) view.goTo(item.id, ordered[index + 1]!.id);
      else if (event.key === 'ArrowLeft' && index > 0 && ordered[index - 1])
        view.goTo(item.id, ordered[index - 1]!.id);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ordered, index, item.id, view]);

  const addIdea = can.contribute && (
    <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('meeting.ideas.add')}
    </Button>
  );

  return (
    <PanelSection item={item} hint={t('meeting.topics.hint')} actions={topic && addIdea}>
      {!topic ? (
        <EmptyBlock
          order={3}
          icon={<IconBulb />}
          title={t('meeting.topics.emptyTitle')}
          description={t('meeting.topics.emptyHint')}
          action={addIdea || undefined}
        />
      ) : (
        <div className={classes.topics}>
          <div className={classes.topicColumns}>
            <TopicCard
              topic={topic}
              position={index + 1}
              total={ordered.length}
              onPrev={index > 0 ? () => show(index - 1) : undefined}
              onNext={index < ordered.length - 1 ? () => show(index + 1) : undefined}
            />
            <RoomTopicList
              topics={ordered}
              currentId={topic.id}
              order={order}
              onOrder={setOrder}
              onPick={(id) => view.goTo(item.id, id)}
            />
          </div>
        </div>
      )}
      <IdeaForm
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(id) => view.leading && view.goTo(item.id, id)}
      />
    </PanelSection>
  );
}
