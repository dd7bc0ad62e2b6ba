import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { isStaleVersion, notifyError, notifySuccess } from '../../lib/errors.ts';
import { usePlaceTopic } from '../mutations.ts';
import { byDateTime, slotLabel, usePlanData } from '../PlanContext.tsx';

/** "Put in slot…": the keyboard way of dragging a topic onto the calendar. */
export function PutInSlotModal({ topicId, onClose }: { topicId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { topicById } = usePlanData();
  const topic = topicId ? topicById.get(topicId) : undefined;
  return (
    <Modal opened={Boolean(topic)} onClose={onClose} title={t('topics.putInSlot')} centered>
      {topic && <PutInSlotForm key={topic.id} topicId={topic.id} onDone={onClose} />}
    </Modal>
  );
}

function PutInSlotForm({ topicId, onDone }: { topicId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = usePlanData();
  const place = usePlaceTopic(data.cycle.id);
  const topic = data.topicById.get(topicId);
  const [slotId, setSlotId] = useState<string | null>(topic?.slotId ?? null);
  const [stale, setStale] = useState(false);
  const slots = [...data.plan.slots].sort(byDateTime);
  if (!topic) return null;
  const options = slots.map((s) => ({
    value: s.id,
    label:
      s.topicId && s.topicId !== topic.id
        ? `${slotLabel(s, data, t, language)} (${t('schedule.taken')})`
        : slotLabel(s, data, t, language),
    disabled: Boolean(s.topicId && s.topicId !== topic.id),
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const slot = slots.find((s) => s.id === slotId);
    if (!slot || slot.topicId === topic.id) return onDone();
    setStale(false);
    place.mutate(
      { slotId: slot.id, topicId: topic.id, version: slot.version },
      {
        onSuccess: () => {
          notifySuccess(t('schedule.topicPlaced'));
          onDone();
        },
        onError: (error) => (isStaleVersion(error) ? setStale(true) : notifyError(error, t)),
      },
    );
  };

  const chosen = slots.find((s) => s.id === slotId);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && chosen && (
          <StaleVersionAlert
            current={`${slotLabel(chosen, data, t, language)}: ${
              chosen.topicId ? (data.topicById.get(chosen.topicId)?.title ?? '') : t('schedule.free')
            }`}
          />
        )}
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {topic.title}
        </Text>
        {slots.length === 0 ? (
          <Text size="sm">{t('schedule.empty')}</Text>
        ) : (
          <Select
            label={t('topics.fields.slot')}
            data={options}
            value={slotId}
            onChange={setSlotId}
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
          <Button type="submit" loading={place.isPending} disabled={slots.length === 0}>
            {stale ? t('stale.saveAgain') : t('schedule.putSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
