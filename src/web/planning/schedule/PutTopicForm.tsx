import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../shared/api/index.ts';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { isStaleVersion, notifyError, notifySuccess } from '../../lib/errors.ts';
import { usePlaceTopic } from '../mutations.ts';
import { slotLabel, usePlanData } from '../PlanContext.tsx';

/** "Put a topic…": the keyboard way of dropping a topic on a slot. */
export function PutTopicForm({ slot, onDone }: { slot: Slot; onDone: () => void }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const language = currentLanguage();
  const place = usePlaceTopic(data.cycle.id);
  const [topicId, setTopicId] = useState<string | null>(slot.topicId);
  const [stale, setStale] = useState(false);
  const slotOf = new Map(data.plan.slots.map((s) => [s.id, s]));
  const candidates = data.plan.topics.filter((x) => x.status !== 'dropped');
  const free = candidates.filter((x) => !x.slotId || x.slotId === slot.id);
  const placed = candidates.filter((x) => x.slotId && x.slotId !== slot.id);
  const options = [
    { group: t('schedule.topicsFree'), items: free.map((x) => ({ value: x.id, label: x.title })) },
    {
      group: t('schedule.topicsPlaced'),
      items: placed.map((x) => {
        const other = x.slotId ? slotOf.get(x.slotId) : undefined;
        return {
          value: x.id,
          label: other ? `${x.title} (${slotLabel(other, data, t, language)})` : x.title,
        };
      }),
    },
  ].filter((g) => g.items.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!topicId || topicId === slot.topicId) return onDone();
    setStale(false);
    try {
      let version = slot.version;
      // A slot holds one topic: the current one comes out first.
      if (slot.topicId)
        version = (await place.mutateAsync({ slotId: slot.id, topicId: null, version })).slot.version;
      await place.mutateAsync({ slotId: slot.id, topicId, version });
      notifySuccess(t('schedule.topicPlaced'));
      onDone();
    } catch (error) {
      if (isStaleVersion(error)) setStale(true);
      else notifyError(error, t);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {stale && (
          <StaleVersionAlert
            current={
              slot.topicId
                ? (data.topicById.get(slot.topicId)?.title ?? t('schedule.free'))
                : t('schedule.free')
            }
          />
        )}
        <Text size="sm" c="dimmed">
          {slotLabel(slot, data, t, language)}
        </Text>
        {options.length === 0 ? (
          <Text size="sm">{t('schedule.noTopics')}</Text>
        ) : (
          <Select
            label={t('schedule.fields.topic')}
            data={options}
            value={topicId}
            onChange={setTopicId}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={place.isPending} disabled={options.length === 0}>
            {stale ? t('stale.saveAgain') : t('schedule.putSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
