import { Button, ColorSwatch, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileZip, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type CSSProperties, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { urlOf } from '../../api/client.ts';
import { ReadyBadge } from '../ReadyBadge.tsx';
import { DraftItem } from './DraftItem.tsx';
import { useFactContext } from './FactContext.tsx';
import classes from './factReview.module.css';
import { ItemForm } from './ItemForm.tsx';
import { type FactGroup, GENERAL } from './model.ts';
import { ReviewItem } from './ReviewItem.tsx';
import { useReturnFocus } from './useReturnFocus.ts';

export function groupName(group: FactGroup, t: TFunction): string {
  if (group.topic) return group.topic.title;
  return group.missingTopic ? t('factReview.groups.missingTopic') : t('factReview.groups.general');
}

interface Props {
  group: FactGroup;
  /** The items this group shows (the review filter may hide some). */
  items: FactItemFull[];
  mode: 'draft' | 'review';
}

/** One topic of the request (or the general questions): its items, and adding one more. */
export function GroupSection({ group, items, mode }: Props) {
  const { t } = useTranslation();
  const { request, isAgency } = useFactContext();
  const [adding, setAdding] = useState(false);
  const addButton = useReturnFocus<HTMLDivElement>(adding);
  const headingId = useId();
  const name = groupName(group, t);
  const general = group.key === GENERAL;
  const sent = request.status !== 'draft';
  const ready = sent && group.progress?.ready === true;
  const Item = mode === 'draft' ? DraftItem : ReviewItem;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      className={classes.group}
      style={{ '--rubric': group.rubric?.color } as CSSProperties}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2} miw={0} style={{ flex: '1 1 16rem' }}>
            <Group gap={8} wrap="wrap">
              <Title order={3} fz="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Title>
              {ready && <ReadyBadge />}
            </Group>
            <Group gap={10} wrap="wrap">
              {group.rubric && (
                <Group gap={5} wrap="nowrap">
                  <ColorSwatch color={group.rubric.color} size={10} aria-hidden />
                  <Text size="xs" c="dimmed">
                    {group.rubric.name}
                  </Text>
                </Group>
              )}
              {general && (
                <Text size="xs" c="dimmed">
                  {t('factReview.groups.generalHint')}
                </Text>
              )}
              {sent && group.progress && group.progress.required > 0 && (
                <Text size="xs" c="dimmed">
                  {t('factReview.groups.accepted', {
                    accepted: group.progress.accepted,
                    count: group.progress.required,
                  })}
                </Text>
              )}
            </Group>
          </Stack>
          {sent && isAgency && group.items.length > 0 && !group.missingTopic && (
            <Button
              component="a"
              href={urlOf(endpoints.downloadFactPack, {
                params: { requestId: request.id, topicId: group.topic?.id ?? GENERAL },
              })}
              download
              size="xs"
              variant="light"
              leftSection={<IconFileZip size={16} aria-hidden />}
              aria-label={t('factReview.pack.named', { group: name })}
            >
              {t('factReview.pack.download')}
            </Button>
          )}
        </Group>

        {items.length > 0 ? (
          <ul className={classes.list}>
            {items.map((item) => (
              <Item key={item.id} item={item} groupName={name} />
            ))}
          </ul>
        ) : (
          group.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {general ? t('factReview.groups.generalEmpty') : t('factReview.groups.empty')}
            </Text>
          )
        )}

        {request.abilities.edit &&
          !group.missingTopic &&
          (adding ? (
            <ItemForm topicId={group.topic?.id ?? null} groupName={name} onDone={() => setAdding(false)} />
          ) : (
            <div ref={addButton}>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setAdding(true)}
                aria-label={t('factReview.item.addTo', { group: name })}
              >
                {t('factReview.item.add')}
              </Button>
            </div>
          ))}
      </Stack>
    </Paper>
  );
}
