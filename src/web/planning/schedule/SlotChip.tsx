import { useDraggable, useDroppable } from '@dnd-kit/core';
import { UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheckFilled } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../shared/api/index.ts';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import { useReadyTopics } from '../../facts/ReadyBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayInText } from '../../lib/dates.ts';
import { type PlanData, slotLabel, usePlanData } from '../PlanContext.tsx';
import { SlotMenu } from './SlotMenu.tsx';
import classes from './schedule.module.css';

export interface SlotDragData {
  kind: 'slot';
  slot: Slot;
  label: string;
}
export interface SlotDropData {
  kind: 'slot-target';
  slot: Slot;
  label: string;
}

/** "Fri 5 Dec, 10:00 · Instagram @kyivcoffee · Reel · Behind the scenes: Topic" */
export function slotDescription(slot: Slot, data: PlanData, t: TFunction): string {
  const rubric = slot.rubricId ? data.rubricById.get(slot.rubricId) : undefined;
  const topic = slot.topicId ? data.topicById.get(slot.topicId) : undefined;
  const approval = data.approvalBySlot.get(slot.id);
  const day = approval && formatDayInText(approval.approvalDue, currentLanguage());
  return [
    slotLabel(slot, data, t, currentLanguage()),
    rubric?.name,
    topic ? t('schedule.withTopic', { title: topic.title }) : t('schedule.free'),
    approval && (approval.atRisk ? t('approvalDue.atRisk', { day }) : t('approvalDue.dueBy', { day })),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A slot in the calendar: time, network, format, rubric colour and its topic. Managers drag
 * it to another day, drop topics on it, or open its menu (click, Enter).
 */
export function SlotChip({ slot, draggable }: { slot: Slot; draggable: boolean }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const editable = data.can.editPlan;
  const ready = useReadyTopics().has(slot.topicId ?? '');
  // A post here still waits for the client after its approval due day.
  const atRisk = data.approvalBySlot.get(slot.id)?.atRisk ?? false;
  const description = ready
    ? `${slotDescription(slot, data, t)} · ${t('factReview.ready')}`
    : slotDescription(slot, data, t);
  const drag = useDraggable({
    id: `slot:${slot.id}`,
    data: { kind: 'slot', slot, label: description } satisfies SlotDragData,
    disabled: !editable || !draggable,
  });
  const drop = useDroppable({
    id: `slot-target:${slot.id}`,
    data: { kind: 'slot-target', slot, label: description } satisfies SlotDropData,
    disabled: !editable,
  });
  const channel = data.channelById.get(slot.channelId);
  const rubric = slot.rubricId ? data.rubricById.get(slot.rubricId) : undefined;
  const topic = slot.topicId ? data.topicById.get(slot.topicId) : undefined;
  const style = { '--rubric': rubric?.color } as CSSProperties;
  const shown = [
    slot.time,
    formatLabel(slot.format, t),
    topic ? topic.title : t('schedule.free'),
    atRisk && t('approvalDue.atRiskShort'),
  ]
    .filter(Boolean)
    .join(' ');
  const className = [
    classes.chip,
    drop.isOver && drop.active?.data.current?.kind === 'topic' ? classes.chipTarget : '',
    drag.isDragging ? classes.dragging : '',
    editable && draggable ? classes.draggable : '',
    atRisk ? classes.atRisk : '',
  ].join(' ');
  const body = (
    <>
      <span className={classes.chipLine}>
        {/* Spaces as text: the name must hold the words shown, not "10:00Пост". */}
        <strong>{slot.time}</strong> {channel && <NetworkIcon network={channel.network} size={13} />}
        <span>{formatLabel(slot.format, t)}</span>{' '}
      </span>
      <span className={topic ? classes.chipTitle : `${classes.chipTitle} ${classes.free}`}>
        {ready && <IconCircleCheckFilled size={12} className={classes.ready} aria-hidden />}
        {topic ? topic.title : t('schedule.free')}
      </span>{' '}
      {atRisk && (
        <span className={classes.atRiskLine}>
          <IconAlertTriangle size={12} aria-hidden />
          {t('approvalDue.atRiskShort')}
        </span>
      )}
    </>
  );
  if (!editable) {
    return (
      <li>
        <div className={className} style={style} title={description}>
          <span className="visually-hidden">{description}</span>
          <span aria-hidden>{body}</span>
        </div>
      </li>
    );
  }
  return (
    <li
      ref={(node) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      {...drag.listeners}
    >
      <SlotMenu slot={slot}>
        <UnstyledButton
          className={className}
          style={style}
          title={description}
          // Label in name (WCAG 2.5.3): what the chip shows first, then the whole description.
          aria-label={`${shown} — ${description}`}
        >
          {body}
        </UnstyledButton>
      </SlotMenu>
    </li>
  );
}
