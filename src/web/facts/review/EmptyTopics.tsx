import { Button, ColorSwatch, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './factReview.module.css';
import { ItemForm } from './ItemForm.tsx';
import type { FactGroup } from './model.ts';
import { useReturnFocus } from './useReturnFocus.ts';

/**
 * Agreed topics the request asks nothing about yet, one line each, so a long month stays
 * short; "Add item" opens the form right there and the topic becomes a group of its own.
 */
export function EmptyTopics({ groups }: { groups: FactGroup[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (groups.length === 0) return null;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
    >
      <Title order={3} fz="h5" id={headingId}>
        {t('factReview.groups.emptyTitle', { count: groups.length })}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('factReview.groups.emptyHint')}
      </Text>
      <ul className={classes.list} style={{ gap: 0 }}>
        {groups.map((group) => (
          <EmptyTopic key={group.key} group={group} />
        ))}
      </ul>
    </Paper>
  );
}

function EmptyTopic({ group }: { group: FactGroup }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const row = useReturnFocus<HTMLLIElement>(adding);
  const title = group.topic?.title ?? '';
  return (
    <li ref={row} className={classes.emptyTopic}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={8} wrap="nowrap" miw={0}>
            <ColorSwatch
              color={group.rubric?.color ?? 'var(--mantine-color-gray-3)'}
              size={10}
              aria-hidden
              style={{ flexShrink: 0 }}
            />
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {title}
              </Text>
              {group.rubric && (
                <Text size="xs" c="dimmed">
                  {group.rubric.name}
                </Text>
              )}
            </Stack>
          </Group>
          {!adding && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
              aria-label={t('factReview.item.addTo', { group: title })}
              style={{ flexShrink: 0 }}
            >
              {t('factReview.item.add')}
            </Button>
          )}
        </Group>
        {adding && (
          <ItemForm topicId={group.topic?.id ?? null} groupName={title} onDone={() => setAdding(false)} />
        )}
      </Stack>
    </li>
  );
}
