import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../../shared/api/index.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { useDeleteClientPlan } from '../../clientPlanMutations.ts';
import { likelihoodColor } from '../labels.ts';
import { useRoom } from '../RoomContext.tsx';
import { useReportError } from '../useReportError.ts';
import { planWhen } from './planLabels.ts';
import { RowActions } from './RowActions.tsx';

interface Props {
  plan: ClientPlan;
  onEdit: () => void;
  /** Below the plan: its contingencies, on the "what if" item. */
  children?: ReactNode;
}

/** One of the client's plans: what, when, how likely, and who wrote it down. */
export function ClientPlanCard({ plan, onEdit, children }: Props) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const remove = useDeleteClientPlan(meeting.cycleId);
  const report = useReportError();
  const count = plan.contingencies.length;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {plan.title}
          </Title>
          {can.editClientPlans && (
            <RowActions
              name={plan.title}
              onEdit={onEdit}
              deleteTitle={t('meeting.plans.deleteTitle')}
              deleteMessage={t('meeting.plans.deleteConfirm', { title: plan.title, count })}
              onDelete={() =>
                remove.mutateAsync(plan.id).catch((error: unknown) => {
                  report(error);
                  throw error;
                })
              }
              deleting={remove.isPending}
            />
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Badge color={likelihoodColor[plan.likelihood]} variant="light" tt="none">
            {t(`meeting.plans.likelihoods.${plan.likelihood}`)}
          </Badge>
          <Group gap={4} wrap="nowrap">
            <IconCalendar size={14} aria-hidden />
            <Text size="sm">{planWhen(plan, t, currentLanguage())}</Text>
          </Group>
          {!children && (
            <Text size="sm" c="dimmed">
              {count > 0 ? t('meeting.contingencies.count', { count }) : t('meeting.contingencies.none')}
            </Text>
          )}
        </Group>
        {plan.notes && (
          <Text size="sm" className="pre-wrap">
            {plan.notes}
          </Text>
        )}
        {plan.authorName && (
          <Text size="xs" c="dimmed">
            {t('meeting.plans.addedBy', { name: plan.authorName })}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
