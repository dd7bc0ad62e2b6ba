import { Button, ColorInput, ColorSwatch, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../../../shared/api/index.ts';
import { useSaveRubric } from '../../api/mutations.ts';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { isStaleVersion, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { color as colorRule, hasErrors, maxLength, required, validate } from '../../lib/validate.ts';

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
    <Modal opened={opened} onClose={onClose} title={rubric ? t('rubrics.edit') : t('rubrics.add')} centered>
      {opened && (
        <RubricForm key={rubric?.id ?? 'new'} clientId={clientId} rubric={rubric} onDone={onClose} />
      )}
    </Modal>
  );
}

function RubricForm({ clientId, rubric, onDone }: { clientId: string; rubric?: Rubric; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRubric(clientId);
  const [name, setName] = useState(rubric?.name ?? '');
  const [color, setColor] = useState(rubric?.color ?? swatches[4]!);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ name, color }, { name: [required, maxLength(80)], color: [colorRule] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    setStale(false);
    save.mutate(
      { id: rubric?.id, version: rubric?.version, name: name.trim(), color },
      {
        onSuccess: () => {
          notifySuccess(rubric ? t('rubrics.saved') : t('rubrics.added'));
          onDone();
        },
        onError: (error) => {
          if (isStaleVersion(error)) setStale(true);
          else reportFormError(error, t, ['name', 'color'], setErrors);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && rubric && (
          <StaleVersionAlert
            current={
              <Group component="span" gap={6} wrap="nowrap" display="inline-flex">
                <ColorSwatch component="span" color={rubric.color} size={14} aria-hidden />
                {rubric.name} ({rubric.color})
              </Group>
            }
          />
        )}
        <TextInput
          label={t('rubrics.fields.name')}
          placeholder={t('rubrics.fields.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
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
          error={errors.color}
          required
          popoverProps={{ withinPortal: true }}
          eyeDropperButtonProps={{ 'aria-label': t('rubrics.pickColor') }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {stale ? t('stale.saveAgain') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
