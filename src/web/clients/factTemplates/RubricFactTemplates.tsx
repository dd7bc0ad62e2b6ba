import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { IconChevronRight, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, FactTemplate, Rubric } from '../../../shared/api/index.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifyError } from '../../lib/errors.ts';
import { useDeleteFactTemplate } from '../mutations.ts';
import { factTemplatesQuery } from '../queries.ts';
import { FactTemplateFormModal } from './FactTemplateFormModal.tsx';
import { FactKindIcon, factKindLabel } from './factKinds.tsx';

/** A long question, cut to fit a button's accessible name. */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * What a rubric always needs from the client (its standing questions), folded under the
 * rubric: the agency's managers edit them, its other members read them.
 */
export function RubricFactTemplates({ client, rubric }: { client: Client; rubric: Rubric }) {
  const { t } = useTranslation();
  const templates = useQuery(factTemplatesQuery(client.id, rubric.id));
  const remove = useDeleteFactTemplate(client.id);
  const [opened, setOpened] = useState(false);
  // null: closed; 'new': adding; an id: editing that question (read fresh from the list).
  const [editing, setEditing] = useState<string | null>(null);
  const panelId = useId();
  // A deleted question's buttons are gone: keyboard focus goes on to "Add question" (the
  // confirmation dialog closes first, so wait for it to hand focus back).
  const addRef = useRef<HTMLButtonElement>(null);
  const afterDelete = () => window.setTimeout(() => addRef.current?.focus(), 250);
  const canEdit = client.abilities.update;
  const count = templates.data?.length;
  const editingItem = templates.data?.find((item) => item.id === editing);

  return (
    <Box mt={6}>
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          fw={500}
          ml={-6}
          style={{ flexShrink: 0 }}
          leftSection={
            <IconChevronRight
              size={14}
              aria-hidden
              style={{ transform: opened ? 'rotate(90deg)' : undefined, transition: 'transform 150ms' }}
            />
          }
          rightSection={
            count !== undefined && (
              <>
                {/* A space as text: the shown words are "Always needs 3", not "needs3". */}{' '}
                <Badge size="sm" circle variant="light" color={count ? 'blue' : 'gray'}>
                  {count}
                </Badge>
              </>
            )
          }
          aria-expanded={opened}
          aria-controls={panelId}
          aria-label={
            count === undefined ? undefined : t('factTemplates.toggleNamed', { count, name: rubric.name })
          }
          onClick={() => setOpened((v) => !v)}
        >
          {t('factTemplates.toggle')}
        </Button>
        {!opened && count ? (
          <Text size="xs" c="dimmed" truncate="end" miw={0} aria-hidden>
            {templates.data?.map((item) => item.question).join(' · ')}
          </Text>
        ) : null}
      </Group>
      <Collapse expanded={opened} id={panelId}>
        <Stack gap="xs" pt="xs">
          <Text size="xs" c="dimmed">
            {t('factTemplates.hint')}
          </Text>
          {templates.isPending ? (
            <LoadingState rows={2} height={40} />
          ) : templates.isError ? (
            <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
          ) : templates.data.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {canEdit ? t('factTemplates.empty') : t('factTemplates.emptyReadOnly')}
            </Text>
          ) : (
            <Stack
              gap={4}
              role="list"
              aria-label={t('factTemplates.toggleNamed', { count, name: rubric.name })}
            >
              {templates.data.map((template) => (
                <TemplateRow
                  key={template.id}
                  template={template}
                  canEdit={canEdit}
                  onEdit={() => setEditing(template.id)}
                  onDelete={() =>
                    remove.mutateAsync(template.id, {
                      onSuccess: afterDelete,
                      onError: (error) => notifyError(error, t),
                    })
                  }
                  deleting={remove.isPending && remove.variables === template.id}
                />
              ))}
            </Stack>
          )}
          {canEdit && templates.isSuccess && (
            <Button
              ref={addRef}
              variant="light"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={16} aria-hidden />}
              aria-label={t('factTemplates.addNamed', { name: rubric.name })}
              onClick={() => setEditing('new')}
            >
              {t('factTemplates.add')}
            </Button>
          )}
        </Stack>
      </Collapse>
      {canEdit && (
        <FactTemplateFormModal
          clientId={client.id}
          rubric={rubric}
          opened={editing !== null && (editing === 'new' || editingItem !== undefined)}
          template={editing === 'new' ? undefined : editingItem}
          onClose={() => setEditing(null)}
        />
      )}
    </Box>
  );
}

interface RowProps {
  template: FactTemplate;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
}

function TemplateRow({ template, canEdit, onEdit, onDelete, deleting }: RowProps) {
  const { t } = useTranslation();
  const name = short(template.question);
  const about = [
    template.kind === 'choice'
      ? t('factTemplates.choicesOf', { list: template.choices.join(', ') })
      : factKindLabel(template.kind, t),
  ];
  if (!template.required) about.push(t('factTemplates.optional'));
  return (
    <Group
      role="listitem"
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      p={6}
      bg="var(--mantine-color-default-hover)"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <ThemeIcon variant="light" color="gray" size="md" radius="sm" style={{ flexShrink: 0 }}>
        <FactKindIcon kind={template.kind} />
      </ThemeIcon>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }} title={template.question}>
          {template.question}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {about.join(' · ')}
        </Text>
      </Box>
      {canEdit && (
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('common.edit')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('factTemplates.editNamed', { question: name })}
              onClick={onEdit}
            >
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <ConfirmButton
            label={t('factTemplates.deleteNamed', { question: name })}
            icon={<IconTrash size={18} aria-hidden />}
            title={t('factTemplates.deleteTitle')}
            message={t('factTemplates.deleteConfirm', { question: template.question })}
            confirmLabel={t('common.delete')}
            onConfirm={onDelete}
            loading={deleting}
          />
        </Group>
      )}
    </Group>
  );
}
