import { Badge, Button } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contingency } from '../../../shared/api/index.ts';
import { useRoom } from '../../meetings/room/RoomContext.tsx';
import { changeListQuery } from '../queries.ts';
import { ActivateContingencyModal } from './ActivateContingencyModal.tsx';
import { isDuringTheMonth, shortConcept } from './changeLabels.ts';

/**
 * In the meeting room, once the month is under way: "Activate" on a prepared "what if" for the
 * agency's managers, or that it was used already. Nothing before the plan is agreed.
 */
export function RoomActivateContingency({ contingency }: { contingency: Contingency }) {
  const { t } = useTranslation();
  const { meeting, plan, client, channels, clientPlans } = useRoom();
  const shown = plan.cycle.abilities.editPlan && isDuringTheMonth(plan.cycle.stage);
  const changes = useQuery({ ...changeListQuery(meeting.cycleId), enabled: shown });
  const [open, setOpen] = useState(false);
  if (!shown || !changes.data) return null;
  if (changes.data.some((c) => c.contingencyId === contingency.id)) {
    return (
      <Badge color="teal" variant="light" tt="none" mt={6}>
        {t('changes.contingencies.usedShort')}
      </Badge>
    );
  }
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        color="grape"
        mt={6}
        leftSection={<IconBolt size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={t('changes.activate.named', { concept: shortConcept(contingency.concept, 60) })}
      >
        {t('changes.activate.button')}
      </Button>
      <ActivateContingencyModal
        contingency={open ? contingency : null}
        planTitle={clientPlans.find((p) => p.contingencies.some((c) => c.id === contingency.id))?.title}
        cycleId={meeting.cycleId}
        month={plan.cycle.month}
        timezone={client.timezone}
        channels={channels}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
