import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton.tsx';

interface Props {
  /** Which list the item is in; picks the texts (`channels.editNamed`…). */
  kind: 'channels' | 'rubrics';
  /** How a person names the item; the buttons carry it so each row's are told apart. */
  name: string;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
}

/** Edit and delete buttons at the end of a client's channel or rubric. */
export function ItemActions({ kind, name, onEdit, onDelete, deleting }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('common.edit')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t(`${kind}.editNamed`, { name })}
          onClick={onEdit}
        >
          <IconPencil size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ConfirmButton
        label={t(`${kind}.deleteNamed`, { name })}
        icon={<IconTrash size={18} aria-hidden />}
        title={t(`${kind}.deleteTitle`)}
        message={t(`${kind}.deleteConfirm`, { name })}
        confirmLabel={t('common.delete')}
        onConfirm={onDelete}
        loading={deleting}
      />
    </Group>
  );
}
