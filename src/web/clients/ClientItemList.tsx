import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { notifyError } from '../lib/errors.ts';
import { ItemActions } from './ItemActions.tsx';

interface Props<Item extends { id: string }> {
  /** Which of the client's lists: names its heading and picks its texts (`channels.add`…). */
  kind: 'channels' | 'rubrics';
  client: Client;
  items: UseQueryResult<Item[]>;
  remove: UseMutationResult<unknown, Error, string>;
  emptyIcon: ReactNode;
  /** How a person names an item in its buttons and in the delete confirmation. */
  nameOf: (item: Item) => string;
  /** Lays the items out; `actions(item)` is the item's edit and delete buttons, if the reader may edit. */
  children: (items: Item[], actions: (item: Item) => ReactNode) => ReactNode;
  /** The add/edit dialog; `item` is undefined when adding. */
  form: (props: { opened: boolean; item: Item | undefined; onClose: () => void }) => ReactNode;
}

/**
 * One of a client's editable lists (channels, rubrics): the heading with its add button,
 * the loading, error and empty states, and the dialog that adds or edits an item.
 */
export function ClientItemList<Item extends { id: string }>({
  kind,
  client,
  items,
  remove,
  emptyIcon,
  nameOf,
  children,
  form,
}: Props<Item>) {
  const { t } = useTranslation();
  // null: closed; 'new': adding; an id: editing that item (read fresh from the list).
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = client.abilities.update;
  const editingItem = items.data?.find((item) => item.id === editing);

  const addButton = canEdit && (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
      {t(`${kind}.add`)}
    </Button>
  );

  const actions = (item: Item) =>
    canEdit && (
      <ItemActions
        kind={kind}
        name={nameOf(item)}
        onEdit={() => setEditing(item.id)}
        onDelete={() => remove.mutateAsync(item.id, { onError: (error) => notifyError(error, t) })}
        deleting={remove.isPending}
      />
    );

  return (
    <section aria-labelledby={`${kind}-heading`}>
      <SectionHeader
        id={`${kind}-heading`}
        title={t(`${kind}.title`)}
        description={t(`${kind}.description`)}
        actions={items.data?.length ? addButton : null}
      />
      {items.isPending ? (
        <LoadingState rows={3} />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={emptyIcon}
          title={t(`${kind}.emptyTitle`)}
          description={canEdit ? t(`${kind}.emptyHint`) : undefined}
          action={addButton}
        />
      ) : (
        children(items.data, actions)
      )}
      {form({
        opened: editing !== null && (editing === 'new' || editingItem !== undefined),
        item: editing === 'new' ? undefined : editingItem,
        onClose: () => setEditing(null),
      })}
    </section>
  );
}
