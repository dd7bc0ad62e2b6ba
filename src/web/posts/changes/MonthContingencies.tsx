import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { ActivateContingencyModal } from './ActivateContingencyModal.tsx';
import { ContingencyCard } from './ContingencyCard.tsx';
import type { MonthContingency } from './changeLabels.ts';

interface Props {
  items: MonthContingency[];
  canActivate: boolean;
}

/**
 * The month's prepared "what if" posts, where a manager looks when the event happens: unused
 * ones first, each a click away from a slot and a draft.
 */
export function MonthContingencies({ items, canActivate }: Props) {
  const { t } = useTranslation();
  const { cycle, client, channels } = usePlanData();
  const [activating, setActivating] = useState<MonthContingency | null>(null);
  const ordered = [...items.filter((i) => !i.usedBy), ...items.filter((i) => i.usedBy)];
  return (
    <section aria-labelledby="month-contingencies-heading">
      <Title order={3} fz="h4" id="month-contingencies-heading">
        {t('changes.contingencies.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {items.length === 0
          ? t('changes.contingencies.none')
          : canActivate
            ? t('changes.contingencies.hint')
            : t('changes.contingencies.hintReadOnly')}
      </Text>
      {items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {ordered.map((item) => (
            <ContingencyCard
              key={item.contingency.id}
              item={item}
              onActivate={canActivate ? () => setActivating(item) : undefined}
            />
          ))}
        </Stack>
      )}
      <ActivateContingencyModal
        contingency={activating?.contingency ?? null}
        planTitle={activating?.plan.title}
        cycleId={cycle.id}
        month={cycle.month}
        timezone={client.timezone}
        channels={channels}
        onClose={() => setActivating(null)}
      />
    </section>
  );
}
