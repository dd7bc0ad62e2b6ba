import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/api/index.ts';
import { i18n } from '../../i18n/index.ts';

/** Where the client's monthly cycle stands; a quiet placeholder until the first cycle. */
export function CycleStage({ cycle }: { cycle: Client['currentCycle'] }) {
  const { t } = useTranslation();
  if (!cycle) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('cycle.none')}
      </Text>
    );
  }
  const key = `cycle.stages.${cycle.stage}`;
  const stage = i18n.exists(key) ? t(key as 'cycle.stages.preparation') : cycle.stage;
  return (
    <Badge variant="light" color="indigo" style={{ alignSelf: 'flex-start' }}>
      {t('cycle.current', { month: cycle.month, stage })}
    </Badge>
  );
}
