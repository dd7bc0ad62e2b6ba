import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';

interface Props {
  /** How a person names the thing; the buttons carry it, so each row's are told apart. */
  name: string;
  onEdit: () => void;
  deleteTitle: string;
  deleteMessage: string;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
}

/** Edit and delete (after asking) for a client plan or a contingency. */
export function RowActions({ name, onEdit, deleteTitle, deleteMessage, onDelete, deleting }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={t('common.edit')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('meeting.editNamed', { name })}
          onClick={onEdit}
        >
          <IconPencil size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ConfirmButton
        label={t('meeting.deleteNamed', { name })}
        icon={<IconTrash size={18} aria-hidden />}
        title={deleteTitle}
        message={deleteMessage}
        confirmLabel={t('common.delete')}
        onConfirm={onDelete}
        loading={deleting}
      />
    </Group>
  );
}
