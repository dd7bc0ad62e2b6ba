import { Button, Stack } from '@mantine/core';
import { IconCalendarStar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, ClientPlan } from '../../../../shared/api/index.ts';
import { EmptyBlock } from '../../../components/EmptyBlock.tsx';
import { useRoom } from '../RoomContext.tsx';
import { ClientPlanCard } from './ClientPlanCard.tsx';
import { ClientPlanForm } from './ClientPlanForm.tsx';
import { PanelSection } from './PanelSection.tsx';

/** The client's news: what they expect next month, each with how likely it is. */
export function NewsPanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { clientPlans, can } = useRoom();
  const [editing, setEditing] = useState<ClientPlan | 'new' | null>(null);
  const add = can.editClientPlans && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('meeting.plans.add')}
    </Button>
  );
  return (
    <PanelSection item={item} hint={t('meeting.plans.hint')} actions={clientPlans.length > 0 && add}>
      {clientPlans.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconCalendarStar />}
          title={t('meeting.plans.emptyTitle')}
          description={t('meeting.plans.emptyHint')}
          action={add || undefined}
        />
      ) : (
        <Stack gap="sm">
          {clientPlans.map((plan) => (
            <ClientPlanCard key={plan.id} plan={plan} onEdit={() => setEditing(plan)} />
          ))}
        </Stack>
      )}
      <ClientPlanForm
        opened={editing !== null}
        plan={editing === 'new' ? undefined : (editing ?? undefined)}
        onClose={() => setEditing(null)}
      />
    </PanelSection>
  );
}
