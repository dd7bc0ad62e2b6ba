import { Checkbox, ColorSwatch, Group, Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactTemplate, Rubric } from '../../../shared/api/index.ts';
import type { FactKind } from '../../../shared/roles.ts';
import { ChoicesInput } from '../../components/ChoicesInput.tsx';
import { FormModal, FormModalBody } from '../../components/FormModal.tsx';
import { notifySuccess } from '../../lib/errors.ts';
import { useVersionedForm } from '../../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../../lib/validate.ts';
import { useSaveFactTemplate } from '../mutations.ts';
import { FactKindIcon, factKindLabel, factKindOptions } from './factKinds.tsx';

interface Props {
  clientId: string;
  rubric: Rubric;
  opened: boolean;
  /** undefined: adding a new question. */
  template: FactTemplate | undefined;
  onClose: () => void;
}

/** Adds or edits one thing a rubric always needs from the client. */
export function FactTemplateFormModal({ clientId, rubric, opened, template, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={template ? t('factTemplates.editTitle') : t('factTemplates.addTitle')}
    >
      <FactTemplateForm
        key={template?.id ?? 'new'}
        clientId={clientId}
        rubric={rubric}
        template={template}
        onDone={onClose}
      />
    </FormModal>
  );
}

function FactTemplateForm({
  clientId,
  rubric,
  template,
  onDone,
}: {
  clientId: string;
  rubric: Rubric;
  template?: FactTemplate;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveFactTemplate(clientId, rubric.id);
  const form = useVersionedForm(['question', 'kind', 'choices', 'required']);
  const [question, setQuestion] = useState(template?.question ?? '');
  const [kind, setKind] = useState<FactKind>(template?.kind ?? 'text');
  const [choices, setChoices] = useState<string[]>(template?.choices ?? []);
  const [isRequired, setRequired] = useState(template?.required ?? true);

  const check = () => {
    const errors: Record<string, string> = validate(
      { question },
      { question: [required, maxLength(2000)] },
      t,
    );
    if (kind === 'choice' && choices.length < 2) errors.choices = t('factTemplates.choicesMin');
    return errors;
  };
  const submit = form.handleSubmit(check, () =>
    save.mutate(
      {
        editing: template,
        question: question.trim(),
        kind,
        choices: kind === 'choice' ? choices : [],
        required: isRequired,
      },
      {
        onSuccess: () => {
          notifySuccess(template ? t('factTemplates.saved') : t('factTemplates.added'));
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
      staleCurrent={form.stale && template && <SavedTemplate template={template} />}
    >
      <Group gap={8} wrap="nowrap">
        <ColorSwatch color={rubric.color} size={14} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {rubric.name}
        </Text>
      </Group>
      <Textarea
        label={t('factTemplates.fields.question')}
        placeholder={t('factTemplates.fields.questionPlaceholder')}
        value={question}
        onChange={(e) => setQuestion(e.currentTarget.value)}
        error={form.errors.question}
        autosize
        minRows={2}
        maxRows={6}
        required
        data-autofocus
      />
      <Select
        label={t('factTemplates.fields.kind')}
        description={t(`factTemplates.kindHints.${kind}`)}
        data={factKindOptions(t)}
        value={kind}
        onChange={(v) => v && setKind(v as FactKind)}
        allowDeselect={false}
        leftSection={<FactKindIcon kind={kind} />}
        renderOption={({ option }) => (
          <Group gap="xs" wrap="nowrap">
            <FactKindIcon kind={option.value as FactKind} />
            {option.label}
          </Group>
        )}
        error={form.errors.kind}
        comboboxProps={{ withinPortal: true }}
      />
      {kind === 'choice' && (
        <ChoicesInput
          label={t('factTemplates.fields.choices')}
          description={t('factTemplates.fields.choicesHint')}
          placeholder={t('factTemplates.fields.choicesPlaceholder')}
          value={choices}
          onChange={setChoices}
          error={form.errors.choices}
        />
      )}
      <Checkbox
        label={t('factTemplates.fields.required')}
        description={t('factTemplates.fields.requiredHint')}
        checked={isRequired}
        onChange={(e) => setRequired(e.currentTarget.checked)}
      />
    </FormModalBody>
  );
}

/** What is saved now, shown after a stale save so the person can compare. */
function SavedTemplate({ template }: { template: FactTemplate }) {
  const { t } = useTranslation();
  const parts = [template.question, factKindLabel(template.kind, t)];
  if (template.kind === 'choice') parts.push(template.choices.join(', '));
  if (!template.required) parts.push(t('factTemplates.optional'));
  return <>{parts.join(' · ')}</>;
}
