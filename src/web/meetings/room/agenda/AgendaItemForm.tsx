import { NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/index.ts';
import { FormModal, FormModalBody } from '../../../components/FormModal.tsx';
import { useVersionedForm } from '../../../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../../../lib/validate.ts';
import { useAddAgendaItem, useUpdateAgendaItem } from '../../mutations.ts';
import { agendaName } from '../labels.ts';
import { useRoom } from '../RoomContext.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The item to edit; without it, a new item goes to the end. */
  item?: AgendaItem;
}

/** Add an agenda item, or rename and re-time one. */
export function AgendaItemForm({ opened, onClose, item }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={item ? t('meeting.agenda.editTitle') : t('meeting.agenda.addTitle')}
    >
      <AgendaItemFields item={item} onDone={onClose} />
    </FormModal>
  );
}

function AgendaItemFields({ item, onDone }: { item?: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const add = useAddAgendaItem(meeting);
  const update = useUpdateAgendaItem(meeting);
  const { errors, stale, handleSubmit, onError } = useVersionedForm(['title', 'minutes']);
  const [title, setTitle] = useState(item?.title ?? '');
  const [minutes, setMinutes] = useState<number | string>(item?.minutes ?? 10);
  // A standard item may keep its translated name: the title is optional for it.
  const standard = item && item.kind !== 'other';
  const saved = item ? meeting.agenda.find((a) => a.id === item.id) : undefined;

  const check = () => {
    const found: Record<string, string> = validate(
      { title },
      { title: standard ? [maxLength(200)] : [required, maxLength(200)] },
      t,
    );
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 240) found.minutes = t('meeting.agenda.minutesInvalid');
    return found;
  };
  const save = () => {
    const body = { title: title.trim(), minutes: Number(minutes) };
    if (item) {
      update.mutate(
        { id: item.id, version: saved?.version ?? item.version, ...body },
        { onSuccess: onDone, onError },
      );
    } else {
      add.mutate({ ...body, kind: 'other' }, { onSuccess: onDone, onError });
    }
  };

  return (
    <FormModalBody
      onSubmit={handleSubmit(check, save)}
      onCancel={onDone}
      submitLabel={item ? t('common.save') : t('meeting.agenda.add')}
      saving={add.isPending || update.isPending}
      staleCurrent={
        stale && saved
          ? `${agendaName(saved, t)} · ${t('meeting.agenda.minutes', { count: saved.minutes })}`
          : undefined
      }
    >
      <TextInput
        label={t('meeting.agenda.fields.title')}
        description={standard ? t('meeting.agenda.fields.titleHint') : undefined}
        placeholder={standard && item ? t(`meeting.agenda.kinds.${item.kind}`) : undefined}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required={!standard}
        data-autofocus
      />
      <NumberInput
        label={t('meeting.agenda.fields.minutes')}
        min={1}
        max={240}
        allowDecimal={false}
        value={minutes}
        onChange={setMinutes}
        error={errors.minutes}
        required
      />
    </FormModalBody>
  );
}
