import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contingency } from '../../../../shared/api/index.ts';
import { formatLabel } from '../../../lib/channelLabels.ts';
import { channelName } from '../../../planning/PlanContext.tsx';
import { RoomActivateContingency } from '../../../posts/changes/RoomActivateContingency.tsx';
import { useDeleteContingency } from '../../clientPlanMutations.ts';
import { useRoom } from '../RoomContext.tsx';
import { useReportError } from '../useReportError.ts';
import { RowActions } from './RowActions.tsx';

/** A prepared situational post: the concept, when to use it, and where it would go. */
export function ContingencyItem({
  contingency: c,
  onEdit,
}: {
  contingency: Contingency;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { meeting, can, channelById } = useRoom();
  const remove = useDeleteContingency(meeting.cycleId);
  const report = useReportError();
  return (
    <Paper radius="sm" p="xs" bg="gray.0">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} className="pre-wrap">
            {c.concept}
          </Text>
          {c.trigger && (
            <Text size="sm" c="dimmed" className="pre-wrap">
              {t('meeting.contingencies.when', { trigger: c.trigger })}
            </Text>
          )}
          <Group gap={6} mt={4}>
            {c.channelId && (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {channelName(channelById.get(c.channelId), t)}
              </Badge>
            )}
            {c.format && (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {formatLabel(c.format, t)}
              </Badge>
            )}
            {c.authorName && (
              <Text size="xs" c="dimmed">
                {t('meeting.plans.addedBy', { name: c.authorName })}
              </Text>
            )}
          </Group>
          <RoomActivateContingency contingency={c} />
        </div>
        {can.editClientPlans && (
          <RowActions
            name={c.concept.slice(0, 60)}
            onEdit={onEdit}
            deleteTitle={t('meeting.contingencies.deleteTitle')}
            deleteMessage={t('meeting.contingencies.deleteConfirm')}
            onDelete={() =>
              remove.mutateAsync(c.id).catch((error: unknown) => {
                report(error);
                throw error;
              })
            }
            deleting={remove.isPending}
          />
        )}
      </Group>
    </Paper>
  );
}
