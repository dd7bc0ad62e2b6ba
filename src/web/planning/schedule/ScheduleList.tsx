import { ActionIcon, Button, ColorSwatch, Group, Table, Text } from '@mantine/core';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import { ReadyBadge, useReadyTopics } from '../../facts/ReadyBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { ApprovalDueBadge } from '../../posts/ApprovalDueBadge.tsx';
import { byDateTime, channelName, slotLabel, usePlanData } from '../PlanContext.tsx';
import { PlacementNote } from '../topics/PlacementNote.tsx';
import { useOpenDialog } from './ScheduleUi.tsx';
import { SlotMenu } from './SlotMenu.tsx';

/** The schedule as a table sorted by date and time. */
export function ScheduleList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = usePlanData();
  const open = useOpenDialog();
  const slots = [...data.plan.slots].sort(byDateTime);
  const ready = useReadyTopics();

  return (
    <>
      {data.can.editPlan && (
        <Button
          variant="light"
          mb="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => open({ kind: 'create', date: `${data.cycle.month}-01` })}
        >
          {t('schedule.add')}
        </Button>
      )}
      {slots.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('schedule.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('schedule.fields.date')}</Table.Th>
                <Table.Th>{t('schedule.fields.time')}</Table.Th>
                <Table.Th>{t('schedule.fields.channel')}</Table.Th>
                <Table.Th>{t('schedule.fields.format')}</Table.Th>
                <Table.Th>{t('schedule.fields.rubric')}</Table.Th>
                <Table.Th>{t('schedule.fields.topic')}</Table.Th>
                {data.can.editPlan && (
                  <Table.Th>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slots.map((slot) => {
                const channel = data.channelById.get(slot.channelId);
                const rubric = slot.rubricId ? data.rubricById.get(slot.rubricId) : undefined;
                const topic = slot.topicId ? data.topicById.get(slot.topicId) : undefined;
                return (
                  <Table.Tr key={slot.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDayShort(slot.date, language)}
                    </Table.Td>
                    <Table.Td>{slot.time}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {channel && <NetworkIcon network={channel.network} size={16} />}
                        <Text size="sm" truncate="end" maw={200}>
                          {channelName(channel, t)}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatLabel(slot.format, t)}</Table.Td>
                    <Table.Td>
                      {rubric ? (
                        <Group gap={6} wrap="nowrap">
                          <ColorSwatch color={rubric.color} size={12} aria-hidden />
                          <Text size="sm">{rubric.name}</Text>
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {topic ? (
                        <Group gap={6} wrap="wrap">
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {topic.title}
                          </Text>
                          {ready.has(topic.id) && <ReadyBadge size="xs" />}
                          <ApprovalDueBadge
                            size="xs"
                            approvalDue={data.approvalBySlot.get(slot.id)?.approvalDue ?? null}
                            atRisk={data.approvalBySlot.get(slot.id)?.atRisk ?? false}
                          />
                          <PlacementNote topic={topic} slot={slot} />
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed" fs="italic">
                          {t('schedule.free')}
                        </Text>
                      )}
                    </Table.Td>
                    {data.can.editPlan && (
                      <Table.Td>
                        <SlotMenu slot={slot}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('schedule.actionsFor', {
                              slot: slotLabel(slot, data, t, language),
                            })}
                          >
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </SlotMenu>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
