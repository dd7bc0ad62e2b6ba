import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type {
  Channel,
  Client,
  Cycle,
  Plan,
  Rubric,
  Slot,
  SlotApproval,
  Topic,
} from '../../shared/api/index.ts';
import { placementOf } from '../../shared/placement.ts';
import type { Language } from '../i18n/index.ts';
import { formatLabel, networkLabel } from '../lib/channelLabels.ts';
import { formatDayShort } from '../lib/dates.ts';

/** Everything the screens of one plan read, with lookups by id. */
export interface PlanData {
  plan: Plan;
  cycle: Cycle;
  client: Client;
  channels: Channel[];
  rubrics: Rubric[];
  channelById: Map<string, Channel>;
  rubricById: Map<string, Rubric>;
  topicById: Map<string, Topic>;
  /** The posts waiting for the client's approval, by slot: their due date and whether at risk. */
  approvalBySlot: Map<string, SlotApproval>;
  can: Cycle['abilities'];
}

export function buildPlanData(plan: Plan, client: Client, channels: Channel[], rubrics: Rubric[]): PlanData {
  return {
    plan,
    cycle: plan.cycle,
    client,
    channels,
    rubrics,
    channelById: new Map(channels.map((c) => [c.id, c])),
    rubricById: new Map(rubrics.map((r) => [r.id, r])),
    topicById: new Map(plan.topics.map((x) => [x.id, x])),
    approvalBySlot: new Map((plan.approvals ?? []).map((a) => [a.slotId, a])),
    can: plan.cycle.abilities,
  };
}

const PlanContext = createContext<PlanData | null>(null);
export const PlanProvider = PlanContext.Provider;

export function usePlanData(): PlanData {
  const data = useContext(PlanContext);
  if (!data) throw new Error('usePlanData outside a PlanProvider');
  return data;
}

export function channelName(channel: Channel | undefined, t: TFunction): string {
  return channel ? `${networkLabel(channel.network, t)} ${channel.handle}` : t('schedule.unknownChannel');
}

/** "Fri 5 Dec, 10:00 · Instagram @kyivcoffee · Reel": a slot named in words. */
export function slotLabel(slot: Slot, data: PlanData, t: TFunction, language: Language): string {
  return t('schedule.slotLabel', {
    day: formatDayShort(slot.date, language),
    time: slot.time,
    channel: channelName(data.channelById.get(slot.channelId), t),
    format: formatLabel(slot.format, t),
  });
}

/**
 * "Will go out as: Telegram @kyivcoffee (planned as Instagram @kyivcoffeeroasters)" when the slot
 * a topic sits in has another channel or format than the topic was meant for, naming only what
 * differs; null when they agree. The deck publishes the slot's (shared/placement.ts decides, for both).
 */
export function placementNote(
  topic: Topic,
  slot: Slot | undefined,
  data: PlanData,
  t: TFunction,
): string | null {
  if (!slot) return null;
  const where = placementOf(topic, slot);
  if (!where.differs) return null;
  const named = (channelId: string, format: string) =>
    [
      where.channelDiffers && channelName(data.channelById.get(channelId), t),
      where.formatDiffers && formatLabel(format, t),
    ]
      .filter(Boolean)
      .join(' · ');
  return t('topics.goesOutAs', {
    placement: named(where.channelId, where.format),
    intent: named(topic.channelId ?? slot.channelId, topic.format ?? slot.format),
  });
}

/** Slots in the order of the calendar. */
export const byDateTime = (a: Slot, b: Slot) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`);
