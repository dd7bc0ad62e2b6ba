import { Button, Stack, Text } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, ClientPlan, Contingency } from '../../../../shared/api/index.ts';
import { EmptyBlock } from '../../../components/EmptyBlock.tsx';
import { useRoom } from '../RoomContext.tsx';
import { ClientPlanCard } from './ClientPlanCard.tsx';
import { ClientPlanForm } from './ClientPlanForm.tsx';
import { ContingencyForm } from './ContingencyForm.tsx';
import { ContingencyItem } from './ContingencyItem.tsx';
import { PanelSection } from './PanelSection.tsx';

type Editing = { plan: ClientPlan; contingency?: Contingency } | null;

/** "What if": for each of the client's plans, the situational posts prepared in advance. */
export function ContingenciesPanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { clientPlans, can } = useRoom();
  const [editing, setEditing] = useState<Editing>(null);
  const [planForm, setPlanForm] = useState<ClientPlan | 'new' | null>(null);
  return (
    <PanelSection item={item} hint={t('meeting.contingencies.hint')}>
      {clientPlans.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconBulb />}
          title={t('meeting.contingencies.noPlansTitle')}
          description={t('meeting.contingencies.noPlansHint')}
          action={
            can.editClientPlans ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPlanForm('new')}>
                {t('meeting.plans.add')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Stack gap="sm">
          {clientPlans.map((plan) => (
            <ClientPlanCard key={plan.id} plan={plan} onEdit={() => setPlanForm(plan)}>
              <Stack gap="xs" mt={4}>
                {plan.contingencies.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('meeting.contingencies.none')}
                  </Text>
                )}
                {plan.contingencies.map((c) => (
                  <ContingencyItem
                    key={c.id}
                    contingency={c}
                    onEdit={() => setEditing({ plan, contingency: c })}
                  />
                ))}
                {can.editClientPlans && (
                  <Button
                    variant="light"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setEditing({ plan })}
                    style={{ alignSelf: 'flex-start' }}
                    aria-label={t('meeting.contingencies.addFor', { title: plan.title })}
                  >
                    {t('meeting.contingencies.add')}
                  </Button>
                )}
              </Stack>
            </ClientPlanCard>
          ))}
        </Stack>
      )}
      <ContingencyForm
        opened={editing !== null}
        plan={editing?.plan}
        contingency={editing?.contingency}
        onClose={() => setEditing(null)}
      />
      <ClientPlanForm
        opened={planForm !== null}
        plan={planForm === 'new' ? undefined : (planForm ?? undefined)}
        onClose={() => setPlanForm(null)}
      />
    </PanelSection>
  );
}
