import { Input, SegmentedControl, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../../shared/api/index.ts';
import { type Likelihood, likelihoods } from '../../../../shared/roles.ts';
import { DateField } from '../../../components/dates/DateField.tsx';
import { FormModal, FormModalBody } from '../../../components/FormModal.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { useVersionedForm } from '../../../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../../../lib/validate.ts';
import { useCreateClientPlan, useUpdateClientPlan } from '../../clientPlanMutations.ts';
import { useRoom } from '../RoomContext.tsx';
import { planWhen } from './planLabels.ts';

interface Props {
  opened: boolean;
  /** The plan to edit; without it, a new one. */
  plan?: ClientPlan;
  onClose: () => void;
}

/** Add or change one of the client's plans: what, a date or a window, how likely. */
export function ClientPlanForm({ opened, plan, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={plan ? t('meeting.plans.editTitle') : t('meeting.plans.addTitle')}
    >
      <PlanFields plan={plan} onDone={onClose} />
    </FormModal>
  );
}

const FIELDS = ['title', 'startsOn', 'endsOn', 'likelihood', 'notes'] as const;

function PlanFields({ plan, onDone }: { plan?: ClientPlan; onDone: () => void }) {
  const { t } = useTranslation();
  const { meeting, clientPlans } = useRoom();
  const create = useCreateClientPlan(meeting.cycleId);
  const update = useUpdateClientPlan(meeting.cycleId);
  const { errors, stale, handleSubmit, onError } = useVersionedForm(FIELDS);
  const [title, setTitle] = useState(plan?.title ?? '');
  const [startsOn, setStartsOn] = useState(plan?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(plan?.endsOn ?? '');
  const [likelihood, setLikelihood] = useState<Likelihood>(plan?.likelihood ?? 'likely');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const saved = plan ? clientPlans.find((p) => p.id === plan.id) : undefined;

  const check = () => {
    const found: Record<string, string> = validate(
      { title, notes },
      { title: [required, maxLength(300)], notes: [maxLength(5000)] },
      t,
    );
    if (endsOn && !startsOn) found.startsOn = t('meeting.plans.startFirst');
    if (startsOn && endsOn && endsOn < startsOn) found.endsOn = t('meeting.plans.endBeforeStart');
    return found;
  };
  const save = () => {
    const body = {
      title: title.trim(),
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      likelihood,
      notes: notes.trim(),
    };
    if (plan)
      update.mutate(
        { id: plan.id, version: saved?.version ?? plan.version, ...body },
        { onSuccess: onDone, onError },
      );
    else create.mutate(body, { onSuccess: onDone, onError });
  };

  return (
    <FormModalBody
      onSubmit={handleSubmit(check, save)}
      onCancel={onDone}
      submitLabel={plan ? t('common.save') : t('meeting.plans.add')}
      saving={create.isPending || update.isPending}
      staleCurrent={stale && saved ? `${saved.title} · ${planWhen(saved, t, currentLanguage())}` : undefined}
    >
      <TextInput
        label={t('meeting.plans.fields.title')}
        placeholder={t('meeting.plans.fields.titlePlaceholder')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateField
          label={t('meeting.plans.fields.startsOn')}
          value={startsOn}
          onChange={(value) => setStartsOn(value)}
          error={errors.startsOn}
        />
        <DateField
          label={t('meeting.plans.fields.endsOn')}
          description={t('meeting.plans.fields.endsOnHint')}
          value={endsOn}
          minDate={startsOn || undefined}
          onChange={(value) => setEndsOn(value)}
          error={errors.endsOn}
        />
      </SimpleGrid>
      <Input.Wrapper
        label={t('meeting.plans.fields.likelihood')}
        labelElement="div"
        error={errors.likelihood}
      >
        <SegmentedControl
          fullWidth
          aria-label={t('meeting.plans.fields.likelihood')}
          value={likelihood}
          onChange={(v) => setLikelihood(v as Likelihood)}
          data={likelihoods.map((l) => ({ value: l, label: t(`meeting.plans.likelihoods.${l}`) }))}
        />
      </Input.Wrapper>
      <Textarea
        label={t('meeting.plans.fields.notes')}
        autosize
        minRows={2}
        maxRows={8}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
    </FormModalBody>
  );
}
