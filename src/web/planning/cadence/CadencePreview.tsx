import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { endpoints } from '../../../shared/api/catalogue.ts';
import type { ResponseOf } from '../../../shared/api/endpoint.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayShort, formatMonthInText } from '../../lib/dates.ts';
import { channelName, usePlanData } from '../PlanContext.tsx';
import { cadencePreviewQuery } from '../queries.ts';

export type Applied = ResponseOf<typeof endpoints.applyCadence>;

/**
 * "Fill the month", first as a preview: the slots the server's rule would create and those it
 * would skip (with why), in the client's time zone; nothing is created until "Create N slots".
 */
export function CadencePreview(props: {
  opened: boolean;
  onClose: () => void;
  onCreate: () => void;
  creating: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = usePlanData();
  const preview = useQuery({ ...cadencePreviewQuery(data.cycle.id), enabled: props.opened });
  const rows = preview.data?.slots ?? [];
  const toCreate = rows.filter((s) => s.skipped === null).length;
  const skipped = rows.length - toCreate;

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('cadence.previewTitle', { month: formatMonthInText(data.cycle.month, language) })}
      size="xl"
    >
      {preview.isPending ? (
        <LoadingState />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack gap="sm">
          {preview.data.shared && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />} data-testid="cadence-shared">
              {t('cadence.previewShared')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('cadence.previewZone', { zone: preview.data.timezone.replaceAll('_', ' ') })}
          </Text>
          <Group gap="xs" role="status">
            <Badge color="teal" variant="light" size="lg" tt="none">
              {t('cadence.previewCreate', { count: toCreate })}
            </Badge>
            {skipped > 0 && (
              <Badge color="gray" variant="light" size="lg" tt="none">
                {t('cadence.previewSkip', { count: skipped })}
              </Badge>
            )}
          </Group>
          {toCreate === 0 && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
              {t('cadence.previewNothing')}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={300} mah="55vh">
            <Table striped verticalSpacing={4} stickyHeader aria-label={t('cadence.fill')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cadence.slotColumn')}</Table.Th>
                  <Table.Th>{t('cadence.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr
                    key={`${s.channelId}|${s.date}|${s.time}|${s.format}|${s.skipped ?? ''}`}
                    c={s.skipped ? 'dimmed' : undefined}
                    data-skipped={s.skipped ? 'true' : undefined}
                  >
                    <Table.Td>
                      <Text size="sm" fw={500} c={s.skipped ? 'dimmed' : undefined}>
                        {formatDayShort(s.date, language)}, {s.time}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
                        {channelName(data.channelById.get(s.channelId), t)} · {formatLabel(s.format, t)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {s.skipped ? (
                        <Text size="sm" c="dimmed">
                          {t(s.skipped === 'time_taken' ? 'cadence.skippedTaken' : 'cadence.skippedFormat')}
                        </Text>
                      ) : (
                        <Text size="sm" c="teal.9">
                          {t('cadence.willCreate')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={props.onCreate} loading={props.creating} disabled={toCreate === 0}>
              {t('cadence.create', { count: toCreate })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
