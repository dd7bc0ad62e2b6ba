import { Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { EditControls } from './EditControls.tsx';
import { useFactContext } from './FactContext.tsx';
import { ItemForm } from './ItemForm.tsx';
import { ItemMeta } from './ItemMeta.tsx';
import { useReturnFocus } from './useReturnFocus.ts';

/** One item of the draft: what it asks and how; edited in place. */
export function DraftItem({ item, groupName }: { item: FactItemFull; groupName: string }) {
  const { t } = useTranslation();
  const { request } = useFactContext();
  const [editing, setEditing] = useState(false);
  const box = useReturnFocus<HTMLLIElement>(editing);
  if (editing) {
    return (
      <li>
        <ItemForm item={item} topicId={item.topicId} groupName={groupName} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <Paper component="li" ref={box} withBorder radius="md" p="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.question}
          </Text>
          {item.kind === 'choice' && item.choices.length > 0 && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('factReview.item.choices', { list: item.choices.join(' · ') })}
            </Text>
          )}
          <ItemMeta item={item} />
        </Stack>
        {request.abilities.edit && <EditControls item={item} onEdit={() => setEditing(true)} />}
      </Group>
    </Paper>
  );
}
