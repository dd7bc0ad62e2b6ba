import type { TFunction } from 'i18next';
import type { Cycle } from '../../shared/api/index.ts';
import type { CycleStage, TopicSource, TopicStatus } from '../../shared/roles.ts';
import { i18n } from '../i18n/index.ts';

export type Owner = Cycle['owner'];

export const stageLabel = (stage: CycleStage, t: TFunction) => t(`cycle.stages.${stage}`);

/** "Agency", "Client": whose move it is. */
export const ownerLabel = (owner: Owner, t: TFunction) => t(`cycle.owners.${owner}`);

export const ownerColor: Record<Owner, string> = {
  agency: 'indigo',
  client: 'teal',
  nobody: 'gray',
};

/** A stable code of what blocks the next stage; an unknown code shows as it is. */
export function missingLabel(code: string, t: TFunction): string {
  const key = `cycle.missing.${code}`;
  return i18n.exists(key) ? t(key as 'cycle.missing.no_slots') : code;
}

export const statusLabel = (status: TopicStatus, t: TFunction) => t(`topics.statuses.${status}`);

export const statusColor: Record<TopicStatus, string> = {
  proposed: 'blue',
  accepted: 'teal',
  changed: 'yellow',
  parked: 'gray',
  dropped: 'red',
};

export const sourceLabel = (source: TopicSource, t: TFunction) => t(`topics.sources.${source}`);
