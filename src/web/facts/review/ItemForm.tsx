import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, FactItemFull } from '../../../shared/api/index.ts';
import type { FactKind } from '../../../shared/roles.ts';
import { ChoicesInput } from '../../components/ChoicesInput.tsx';
import { DateField } from '../../components/dates/DateField.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { notifySuccess } from '../../lib/errors.ts';
import { useVersionedForm } from '../../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../../lib/validate.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useAddFactItem, useUpdateFactItem } from '../reviewMutations.ts';
import { useFactContext } from './FactContext.tsx';
import { ItemSummary } from './ItemSummary.tsx';
import { KindIcon, kindOptions } from './labels.tsx';

interface Props {
  /** The item to edit; undefined adds a new one to the group. */
  item?: FactItemFull;
  topicId: string | null;
  /** The group's name, for the accessible name of the form. */
  groupName: string;
  onDone: () => void;
}

const shownFields = ['question', 'kind', 'choices', 'required', 'dueOn', 'contactId', 'topicId'] as const;

/** Adds an item to a group, or changes one in place: what to ask, how, by when, from whom. */
export function ItemForm({ item, topicId, groupName, onDone }: Props) {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const { request, contacts, today } = useFactContext();
  const add = useAddFactItem(cycle.id, request.id);
  const update = useUpdateFactItem(cycle.id);
  const form = useVersionedForm(shownFields);
  const [question, setQuestion] = useState(item?.question ?? '');
  const [kind, setKind] = useState<FactKind>(item?.kind ?? 'text');
  const [choices, setChoices] = useState<string[]>(item?.choices ?? []);
  const [isRequired, setRequired] = useState(item?.required ?? true);
  const [dueOn, setDueOn] = useState(item?.dueOn ?? cycle.deadlines.facts ?? '');
  const [contactId, setContactId] = useState(item?.contactId ?? '');
  const saving = add.isPending || update.isPending;

  const check = () => {
    const errors: Record<string, string> = validate(
      { question },
      { question: [required, maxLength(2000)] },
      t,
    );
    if (kind === 'choice' && choices.length < 2) errors.choices = t('factReview.fields.choicesMin');
    // A date already past is refused by the server; an unchanged one (a deadline gone by) may stay.
    if (dueOn && dueOn < today && dueOn !== item?.dueOn) errors.dueOn = t('factReview.fields.duePast');
    return errors;
  };

  const submit = form.handleSubmit(check, () => {
    const body = {
      question: question.trim(),
      kind,
      choices: kind === 'choice' ? choices : [],
      required: isRequired,
      dueOn: dueOn || null,
      contactId: contactId || null,
    };
    if (item) {
      update.mutate(
        { id: item.id, version: item.version, ...body },
        {
          onSuccess: () => {
            notifySuccess(t('factReview.item.saved'));
            onDone();
          },
          onError: form.onError,
        },
      );
    } else {
      add.mutate(
        { ...body, topicId },
        {
          onSuccess: () => {
            notifySuccess(t('factReview.item.added'));
            onDone();
          },
          onError: form.onError,
        },
      );
    }
  });

  const contactOptions = [
    { value: '', label: t('factReview.fields.anyContact') },
    ...contacts.map((c: Contact) => ({ value: c.userId, label: c.name })),
  ];
  const formName = item
    ? t('factReview.item.editNamed', { question: item.question })
    : t('factReview.item.addTo', { group: groupName });

  return (
    <Paper
      component="form"
      withBorder
      radius="md"
      p="sm"
      bg="var(--mantine-color-gray-0)"
      onSubmit={submit}
      noValidate
      aria-label={formName}
    >
      <Stack gap="sm">
        {form.stale && item && <StaleVersionAlert current={<ItemSummary item={item} />} />}
        <Textarea
          label={t('factReview.fields.question')}
          placeholder={t('factReview.fields.questionPlaceholder')}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={form.errors.question}
          autosize
          minRows={2}
          maxRows={8}
          required
          data-autofocus
          autoFocus
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('factReview.fields.kind')}
            data={kindOptions(t)}
            value={kind}
            onChange={(v) => v && setKind(v as FactKind)}
            allowDeselect={false}
            leftSection={<KindIcon kind={kind} size={16} />}
            renderOption={({ option }) => (
              <Group gap="xs" wrap="nowrap">
                <KindIcon kind={option.value as FactKind} size={16} />
                {option.label}
              </Group>
            )}
            error={form.errors.kind}
          />
          <DateField
            label={t('factReview.fields.dueOn')}
            value={dueOn}
            minDate={today}
            onChange={(value) => setDueOn(value)}
            error={form.errors.dueOn}
          />
          <Select
            label={t('factReview.fields.contact')}
            data={contactOptions}
            value={contactId}
            onChange={(v) => setContactId(v ?? '')}
            allowDeselect={false}
            error={form.errors.contactId}
          />
        </SimpleGrid>
        {kind === 'choice' && (
          <ChoicesInput
            label={t('factReview.fields.choices')}
            description={t('factReview.fields.choicesHint')}
            placeholder={t('factReview.fields.choicesPlaceholder')}
            value={choices}
            onChange={setChoices}
            error={form.errors.choices}
          />
        )}
        <Checkbox
          label={t('factReview.fields.required')}
          description={t('factReview.fields.requiredHint')}
          checked={isRequired}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        {form.errors.topicId && (
          <Text size="sm" c="red.9" role="alert">
            {form.errors.topicId}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {form.stale ? t('stale.saveAgain') : item ? t('common.save') : t('factReview.item.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
