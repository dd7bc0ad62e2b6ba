import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../shared/api/index.ts';
import type { Format } from '../../../shared/roles.ts';
import { DateField } from '../../components/dates/DateField.tsx';
import { TimeField } from '../../components/dates/TimeField.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { channelFormats, formatLabel } from '../../lib/channelLabels.ts';
import { isStaleVersion, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { changedFields, useEditBase } from '../../lib/useEditBase.ts';
import { useCreateSlot, useUpdateSlot } from '../mutations.ts';
import { channelName, slotLabel, usePlanData } from '../PlanContext.tsx';

interface Props {
  /** The slot to edit, always the latest fetched version; absent to add one on `date`. */
  slot?: Slot;
  date?: string;
  onDone: () => void;
}

/** Date, time, channel, a format that channel publishes, and an optional rubric. */
export function SlotForm({ slot, date: initialDate, onDone }: Props) {
  const { t } = useTranslation();
  const data = usePlanData();
  const create = useCreateSlot(data.cycle.id);
  const update = useUpdateSlot(data.cycle.id);
  const first = data.channels[0];
  const [date, setDate] = useState(slot?.date ?? initialDate ?? `${data.cycle.month}-01`);
  // What the form opened with: an edit saves only the fields that differ from it.
  const [initial] = useState(() => ({
    date: slot?.date,
    time: slot?.time,
    channelId: slot?.channelId,
    format: slot?.format,
    rubricId: slot?.rubricId,
  }));
  const [time, setTime] = useState(slot?.time ?? '10:00');
  const [channelId, setChannelId] = useState<string | null>(slot?.channelId ?? first?.id ?? null);
  const [format, setFormat] = useState<Format | null>(slot?.format ?? channelFormats(first)[0] ?? null);
  const [rubricId, setRubricId] = useState<string | null>(slot?.rubricId ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { stale, versionForSave, markStale } = useEditBase(slot?.version ?? 0);
  const channel = channelId ? data.channelById.get(channelId) : undefined;

  const chooseChannel = (id: string | null) => {
    setChannelId(id);
    const next = id ? data.channelById.get(id) : undefined;
    if (next && (!format || !channelFormats(next).includes(format)))
      setFormat(channelFormats(next)[0] ?? null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.date = t('validation.required');
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) found.time = t('schedule.timeInvalid');
    if (!channelId) found.channelId = t('validation.required');
    if (!format) found.format = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || !channelId || !format) return;
    const body = { date, time, channelId, format, rubricId };
    const onError = (error: unknown) => {
      if (isStaleVersion(error)) markStale();
      else reportFormError(error, t, ['date', 'time', 'channelId', 'format', 'rubricId'], setErrors);
    };
    const onSuccess = () => {
      notifySuccess(slot ? t('schedule.saved') : t('schedule.added'));
      onDone();
    };
    if (slot) {
      const fields = changedFields(initial, body);
      update.mutate({ id: slot.id, version: versionForSave(), ...fields }, { onSuccess, onError });
    } else create.mutate(body, { onSuccess, onError });
  };

  if (data.channels.length === 0) {
    return <Stack gap="sm">{t('schedule.noChannels')}</Stack>;
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && slot && <StaleVersionAlert current={slotLabel(slot, data, t, currentLanguage())} />}
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label={t('schedule.fields.date')}
            value={date}
            minDate={`${data.cycle.month}-01`}
            onChange={(value) => setDate(value)}
            error={errors.date}
            required
          />
          <TimeField
            label={t('schedule.fields.time')}
            description={t('schedule.fields.timeHint', { zone: data.client.timezone.replaceAll('_', ' ') })}
            value={time}
            onChange={(value) => setTime(value)}
            error={errors.time}
            required
            autoFocus
          />
        </SimpleGrid>
        <Select
          label={t('schedule.fields.channel')}
          data={data.channels.map((c) => ({ value: c.id, label: channelName(c, t) }))}
          value={channelId}
          onChange={chooseChannel}
          allowDeselect={false}
          error={errors.channelId}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('schedule.fields.format')}
          data={channelFormats(channel, format ?? undefined).map((f) => ({
            value: f,
            label: formatLabel(f, t),
          }))}
          value={format}
          onChange={(v) => setFormat(v as Format | null)}
          allowDeselect={false}
          error={errors.format}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('schedule.fields.rubric')}
          placeholder={t('schedule.noRubric')}
          data={data.rubrics.map((r) => ({ value: r.id, label: r.name }))}
          value={rubricId}
          onChange={setRubricId}
          clearable
          error={errors.rubricId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {stale ? t('stale.saveAgain') : slot ? t('common.save') : t('schedule.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
