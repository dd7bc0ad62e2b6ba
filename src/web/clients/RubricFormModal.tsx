import { ColorInput, ColorSwatch, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../../shared/api/index.ts';
import { FormModal, FormModalBody } from '../components/FormModal.tsx';
import { notifySuccess } from '../lib/errors.ts';
import { useVersionedForm } from '../lib/useVersionedForm.ts';
import { color as colorRule, maxLength, required, validate } from '../lib/validate.ts';
import { useSaveRubric } from './mutations.ts';

/** Distinct, readable colours to pick from; any #rrggbb is accepted. */
const swatches = ['#e03131', '#f08c00', '#2f9e44', '#1098ad', '#1c7ed6', '#5f3dc4', '#c2255c', '#495057'];

interface Props {
  clientId: string;
  opened: boolean;
  rubric: Rubric | undefined;
  onClose: () => void;
}

export function RubricFormModal({ clientId, opened, rubric, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={rubric ? t('rubrics.edit') : t('rubrics.add')}>
      <RubricForm key={rubric?.id ?? 'new'} clientId={clientId} rubric={rubric} onDone={onClose} />
    </FormModal>
  );
}

function RubricForm({ clientId, rubric, onDone }: { clientId: string; rubric?: Rubric; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRubric(clientId);
  const form = useVersionedForm(['name', 'color']);
  const [name, setName] = useState(rubric?.name ?? '');
  const [color, setColor] = useState(rubric?.color ?? swatches[4]!);

  const check = () => validate({ name, color }, { name: [required, maxLength(80)], color: [colorRule] }, t);
  const submit = form.handleSubmit(check, () =>
    save.mutate(
      { editing: rubric, name: name.trim(), color },
      {
        onSuccess: () => {
          notifySuccess(rubric ? t('rubrics.saved') : t('rubrics.added'));
          onDone();
        },
        onError: form.onError,
      },
    ),
  );

  return (
    <FormModalBody
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t('common.save')}
      saving={save.isPending}
      staleCurrent={
        form.stale &&
        rubric && (
          <Group component="span" gap={6} wrap="nowrap" display="inline-flex">
            <ColorSwatch component="span" color={rubric.color} size={14} aria-hidden />
            {rubric.name} ({rubric.color})
          </Group>
        )
      }
    >
      <TextInput
        label={t('rubrics.fields.name')}
        placeholder={t('rubrics.fields.namePlaceholder')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={form.errors.name}
        required
        data-autofocus
      />
      <ColorInput
        label={t('rubrics.fields.color')}
        value={color}
        onChange={setColor}
        format="hex"
        swatches={swatches}
        swatchesPerRow={8}
        error={form.errors.color}
        required
        popoverProps={{ withinPortal: true }}
        eyeDropperButtonProps={{ 'aria-label': t('rubrics.pickColor') }}
      />
    </FormModalBody>
  );
}
