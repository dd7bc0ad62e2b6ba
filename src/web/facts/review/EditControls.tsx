import { ActionIcon, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useDeleteFactItem } from '../reviewMutations.ts';

/** Edit and delete for one item, named after its question for screen readers. */
export function EditControls({ item, onEdit }: { item: FactItemFull; onEdit: () => void }) {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const remove = useDeleteFactItem(cycle.id);
  const answered = item.answer !== null || item.files.length > 0 || item.messages.length > 0;
  const wrapper = useRef<HTMLDivElement>(null);

  /** The item and its button are gone: keep the keyboard in the group, on its heading. */
  const focusGroup = (section: Element | null | undefined) =>
    setTimeout(() => {
      const heading = section?.isConnected ? section.querySelector<HTMLElement>('h3') : null;
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus();
    }, 300);

  return (
    <Group ref={wrapper} gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={onEdit}
        aria-label={t('factReview.item.editNamed', { question: item.question })}
        title={t('common.edit')}
      >
        <IconPencil size={18} aria-hidden />
      </ActionIcon>
      <ConfirmButton
        label={t('factReview.item.deleteNamed', { question: item.question })}
        icon={<IconTrash size={18} aria-hidden />}
        title={t('factReview.item.deleteTitle')}
        message={
          answered
            ? t('factReview.item.deleteAnswered', { question: item.question })
            : t('factReview.item.deleteBody', { question: item.question })
        }
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => {
          const section = wrapper.current?.closest('section');
          return remove.mutateAsync(item.id).then(
            () => {
              notifySuccess(t('factReview.item.deleted'));
              focusGroup(section);
            },
            (error: unknown) => {
              notifyError(error, t);
              throw error;
            },
          );
        }}
      />
    </Group>
  );
}
