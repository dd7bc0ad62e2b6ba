import { ActionIcon, Button, ColorSwatch, Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTags, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Rubric } from '../../../shared/api/index.ts';
import { useDeleteRubric } from '../../api/mutations.ts';
import { rubricsQuery } from '../../api/queries.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionHeader } from '../../components/SectionHeader.tsx';
import { notifyError } from '../../lib/errors.ts';
import { RubricFormModal } from './RubricFormModal.tsx';

/** The client's content pillars, each with a colour used across plans. */
export function ClientRubrics({ client }: { client: Client }) {
  const { t } = useTranslation();
  const rubrics = useQuery(rubricsQuery(client.id));
  const remove = useDeleteRubric(client.id);
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = client.abilities.update;
  const editingRubric = rubrics.data?.find((r) => r.id === editing);

  const addButton = canEdit && (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
      {t('rubrics.add')}
    </Button>
  );

  return (
    <section aria-labelledby="rubrics-heading">
      <SectionHeader
        id="rubrics-heading"
        title={t('rubrics.title')}
        description={t('rubrics.description')}
        actions={rubrics.data?.length ? addButton : null}
      />
      {rubrics.isPending ? (
        <LoadingState rows={3} />
      ) : rubrics.isError ? (
        <ErrorState error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : rubrics.data.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconTags />}
          title={t('rubrics.emptyTitle')}
          description={canEdit ? t('rubrics.emptyHint') : undefined}
          action={addButton}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" role="list">
          {rubrics.data.map((rubric) => (
            <RubricRow
              key={rubric.id}
              rubric={rubric}
              canEdit={canEdit}
              onEdit={() => setEditing(rubric.id)}
              onDelete={() => remove.mutateAsync(rubric.id, { onError: (error) => notifyError(error, t) })}
              deleting={remove.isPending}
            />
          ))}
        </SimpleGrid>
      )}
      <RubricFormModal
        clientId={client.id}
        opened={editing !== null && (editing === 'new' || editingRubric !== undefined)}
        rubric={editing === 'new' ? undefined : editingRubric}
        onClose={() => setEditing(null)}
      />
    </section>
  );
}

interface RowProps {
  rubric: Rubric;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
}

function RubricRow({ rubric, canEdit, onEdit, onDelete, deleting }: RowProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" pl="md" role="listitem">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <ColorSwatch color={rubric.color} size={22} style={{ flexShrink: 0 }} aria-hidden />
          <Text fw={500} truncate="end" title={rubric.name}>
            {rubric.name}
          </Text>
        </Group>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('common.edit')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('rubrics.editNamed', { name: rubric.name })}
                onClick={onEdit}
              >
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <ConfirmButton
              label={t('rubrics.deleteNamed', { name: rubric.name })}
              icon={<IconTrash size={18} aria-hidden />}
              title={t('rubrics.deleteTitle')}
              message={t('rubrics.deleteConfirm', { name: rubric.name })}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
              loading={deleting}
            />
          </Group>
        )}
      </Group>
    </Paper>
  );
}
