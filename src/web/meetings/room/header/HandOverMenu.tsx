import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/errors.ts';
import { useHandOver } from '../../mutations.ts';
import { useRoom } from '../RoomContext.tsx';
import { useReportError } from '../useReportError.ts';

/** Give the facilitator's role to another agency participant. */
export function HandOverMenu() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const handOver = useHandOver(meeting);
  const report = useReportError();
  const candidates = meeting.participants.filter(
    (p) => p.side === 'agency' && p.userId !== meeting.facilitatorId,
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconUserShare size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          loading={handOver.isPending}
        >
          {t('meeting.facilitator.handOver')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('meeting.facilitator.handOverTo')}</Menu.Label>
        {candidates.length === 0 && <Menu.Item disabled>{t('meeting.facilitator.noCandidates')}</Menu.Item>}
        {candidates.map((p) => (
          <Menu.Item
            key={p.userId}
            onClick={() =>
              handOver.mutate(p.userId, {
                onSuccess: () => notifySuccess(t('meeting.facilitator.handedOver', { name: p.name })),
                onError: report,
              })
            }
          >
            {p.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
