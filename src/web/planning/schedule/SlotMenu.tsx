import { Menu } from '@mantine/core';
import {
  IconArrowsMove,
  IconCopy,
  IconFileMinus,
  IconFilePlus,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../shared/api/index.ts';
import { usePlanData } from '../PlanContext.tsx';
import { useOpenDialog } from './ScheduleUi.tsx';
import { useSlotActions } from './useSlotActions.ts';

/** Everything one can do with a slot, reachable by keyboard: the alternative to dragging. */
export function SlotMenu({ slot, children }: { slot: Slot; children: ReactElement }) {
  const { t } = useTranslation();
  const open = useOpenDialog();
  const { placeTopic } = useSlotActions();
  const { topicById } = usePlanData();
  const topic = slot.topicId ? topicById.get(slot.topicId) : undefined;
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>{children}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => open({ kind: 'edit', slotId: slot.id })}
        >
          {t('schedule.menu.edit')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowsMove size={16} aria-hidden />}
          onClick={() => open({ kind: 'move', slotId: slot.id })}
        >
          {t('schedule.menu.move')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconCopy size={16} aria-hidden />}
          onClick={() => open({ kind: 'duplicate', slotId: slot.id })}
        >
          {t('schedule.menu.duplicate')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconFilePlus size={16} aria-hidden />}
          onClick={() => open({ kind: 'put', slotId: slot.id })}
        >
          {topic ? t('schedule.menu.changeTopic') : t('schedule.menu.putTopic')}
        </Menu.Item>
        {topic && (
          <Menu.Item
            leftSection={<IconFileMinus size={16} aria-hidden />}
            onClick={() => placeTopic(slot, null)}
          >
            {t('schedule.menu.takeOut')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => open({ kind: 'delete', slotId: slot.id })}
        >
          {t('schedule.menu.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
