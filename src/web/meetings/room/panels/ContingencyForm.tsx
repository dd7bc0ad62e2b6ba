import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan, Contingency } from '../../../../shared/api/index.ts';
import type { Format } from '../../../../shared/roles.ts';
import { FormModal, FormModalBody } from '../../../components/FormModal.tsx';
import { channelFormats, formatLabel, formatOptions } from '../../../lib/channelLabels.ts';
import { useVersionedForm } from '../../../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../../../lib/validate.ts';
import { channelName } from '../../../planning/PlanContext.tsx';
import { useAddContingency, useUpdateContingency } from '../../clientPlanMutations.ts';
import { useRoom } from '../RoomContext.tsx';

interface Props {
  opened: boolean;
  plan?: ClientPlan;
  /** The contingency to edit; without it, a new one for the plan. */
  contingency?: Contingency;
  onClose: () => void;
}

/** Prepare a "what if" situational post for one of the client's plans, or change one. */
export function ContingencyForm({ opened, plan, contingency, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={contingency ? t('meeting.contingencies.editTitle') : t('meeting.contingencies.addTitle')}
    >
      {plan && <Fields plan={plan} contingency={contingency} onDone={onClose} />}
    </FormModal>
  );
}

const FIELDS = ['concept', 'trigger', 'channelId', 'format'] as const;

function Fields({
  plan,
  contingency,
  onDone,
}: {
  plan: ClientPlan;
  contingency?: Contingency;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { meeting, channels, clientPlans } = useRoom();
  const add = useAddContingency(meeting.cycleId);
  const update = useUpdateContingency(meeting.cycleId);
  const { errors, stale, handleSubmit, onError } = useVersionedForm(FIELDS);
  const [concept, setConcept] = useState(contingency?.concept ?? '');
  const [trigger, setTrigger] = useState(contingency?.trigger ?? '');
  const [channelId, setChannelId] = useState<string | null>(contingency?.channelId ?? null);
  const [format, setFormat] = useState<string | null>(contingency?.format ?? null);
  const saved = clientPlans.flatMap((p) => p.contingencies).find((c) => c.id === contingency?.id);

  const check = () =>
    validate(
      { concept, trigger },
      { concept: [required, maxLength(5000)], trigger: [maxLength(1000)] },
      t,
    ) as Record<string, string>;
  const save = () => {
    const body = {
      concept: concept.trim(),
      trigger: trigger.trim(),
      channelId,
      format: format as Format | null,
    };
    if (contingency) {
      update.mutate(
        { id: contingency.id, version: saved?.version ?? contingency.version, ...body },
        { onSuccess: onDone, onError },
      );
    } else add.mutate({ planId: plan.id, ...body }, { onSuccess: onDone, onError });
  };

  return (
    <FormModalBody
      onSubmit={handleSubmit(check, save)}
      onCancel={onDone}
      submitLabel={contingency ? t('common.save') : t('meeting.contingencies.add')}
      saving={add.isPending || update.isPending}
      staleCurrent={stale && saved ? saved.concept : undefined}
    >
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('meeting.contingencies.forPlan', { title: plan.title })}
      </Text>
      <Textarea
        label={t('meeting.contingencies.fields.concept')}
        description={t('meeting.contingencies.fields.conceptHint')}
        autosize
        minRows={2}
        maxRows={8}
        value={concept}
        onChange={(e) => setConcept(e.currentTarget.value)}
        error={errors.concept}
        required
        data-autofocus
      />
      <TextInput
        label={t('meeting.contingencies.fields.trigger')}
        placeholder={t('meeting.contingencies.fields.triggerPlaceholder')}
        value={trigger}
        onChange={(e) => setTrigger(e.currentTarget.value)}
        error={errors.trigger}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('meeting.contingencies.fields.channel')}
          placeholder={t('topics.anyChannel')}
          data={channels.map((c) => ({ value: c.id, label: channelName(c, t) }))}
          value={channelId}
          onChange={setChannelId}
          clearable
          error={errors.channelId}
        />
        <Select
          label={t('meeting.contingencies.fields.format')}
          placeholder={t('topics.anyFormat')}
          data={
            channelId && channels.find((c) => c.id === channelId)
              ? channelFormats(
                  channels.find((c) => c.id === channelId),
                  (format as Format | null) ?? undefined,
                ).map((f) => ({ value: f, label: formatLabel(f, t) }))
              : formatOptions(t)
          }
          value={format}
          onChange={setFormat}
          clearable
          error={errors.format}
        />
      </SimpleGrid>
    </FormModalBody>
  );
}
