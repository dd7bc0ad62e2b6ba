import { Button, Group, Modal, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarTime } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CycleStage, cycleStages } from '../../../shared/roles.ts';
import { DateField } from '../../components/dates/DateField.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { isStaleVersion, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { useEditBase } from '../../lib/useEditBase.ts';
import { stageLabel } from '../labels.ts';
import { useUpdateDeadlines } from '../mutations.ts';
import { usePlanData } from '../PlanContext.tsx';

const dated = cycleStages.filter((s) => s !== 'closed');

/** Stage deadlines are local dates of the client; changing them is the manager's call. */
export function DeadlinesButton() {
  const { t } = useTranslation();
  const { can } = usePlanData();
  const [opened, { open, close }] = useDisclosure(false);
  if (!can.update) return null;
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconCalendarTime size={14} aria-hidden />}
        onClick={open}
      >
        {t('deadlines.edit')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('deadlines.title')} centered>
        {opened && <DeadlinesForm onDone={close} />}
      </Modal>
    </>
  );
}

function DeadlinesForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle } = usePlanData();
  const save = useUpdateDeadlines(cycle.id);
  const [values, setValues] = useState<Partial<Record<CycleStage, string>>>(() => ({ ...cycle.deadlines }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { stale, versionForSave, markStale } = useEditBase(cycle.version);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const version = versionForSave();
    const deadlines = Object.fromEntries(dated.filter((s) => values[s]).map((s) => [s, values[s]]));
    save.mutate(
      { deadlines, version },
      {
        onSuccess: () => {
          notifySuccess(t('deadlines.saved'));
          onDone();
        },
        onError: (error) => {
          if (isStaleVersion(error)) markStale();
          else
            reportFormError(
              error,
              t,
              dated.map((s) => `deadlines.${s}`),
              setErrors,
            );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && (
          <StaleVersionAlert
            current={dated
              .map(
                (s) =>
                  `${stageLabel(s, t)}: ${cycle.deadlines[s] ? formatLocalDate(cycle.deadlines[s], language) : '—'}`,
              )
              .join(' · ')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {dated.map((stage) => (
            <DateField
              key={stage}
              label={stageLabel(stage, t)}
              value={values[stage] ?? ''}
              onChange={(value) => {
                setValues((v) => ({ ...v, [stage]: value || undefined }));
              }}
              error={errors[`deadlines.${stage}`]}
            />
          ))}
        </SimpleGrid>
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
