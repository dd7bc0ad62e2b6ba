import { Group, Radio, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { DateField } from '../../components/dates/DateField.tsx';
import type { AnswerForm, AnswerProblem } from './answerForm.ts';
import { FileAnswer } from './FileAnswer.tsx';
import classes from './factAnswer.module.css';

interface Props {
  requestId: string;
  item: FactItemFull;
  form: AnswerForm;
  setForm: (change: Partial<AnswerForm>) => void;
  /** Leaving a field saves the draft at once. */
  onBlur: () => void;
  problem: AnswerProblem | null;
  /** The question's heading: the inputs are described by it. */
  questionId: string;
}

/** The input an item's kind asks for, and "we can't provide this" with its reason. */
export function AnswerFields({ requestId, item, form, setForm, onBlur, problem, questionId }: Props) {
  const { t } = useTranslation();
  const reasonId = useId();
  const error = (which: AnswerProblem) =>
    // "Upload a file" is answered as soon as one is there.
    problem === which && !(which === 'filesMissing' && item.files.length > 0)
      ? t(`facts.problems.${which}`)
      : undefined;

  return (
    <Stack gap="sm">
      {!form.notAvailable && (
        <KindInput
          requestId={requestId}
          item={item}
          form={form}
          setForm={setForm}
          onBlur={onBlur}
          error={error}
          questionId={questionId}
        />
      )}
      {form.notAvailable && item.kind === 'files' && item.files.length > 0 && (
        <FileAnswer requestId={requestId} item={item} editable labelledBy={questionId} />
      )}
      <Switch
        label={t('facts.notAvailable')}
        checked={form.notAvailable}
        onChange={(event) => setForm({ notAvailable: event.currentTarget.checked })}
        size="md"
        aria-describedby={form.notAvailable ? reasonId : undefined}
      />
      {form.notAvailable && (
        <Textarea
          id={reasonId}
          label={t('facts.fields.reason')}
          description={t('facts.notAvailableHint')}
          placeholder={t('facts.fields.reasonPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          required
          value={form.reason}
          onChange={(event) => setForm({ reason: event.currentTarget.value })}
          onBlur={onBlur}
          error={error('reasonMissing')}
        />
      )}
    </Stack>
  );
}

function KindInput({
  requestId,
  item,
  form,
  setForm,
  onBlur,
  error,
  questionId,
}: Omit<Props, 'problem'> & { error: (which: AnswerProblem) => string | undefined }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'text':
      return (
        <Textarea
          label={t('facts.fields.text')}
          aria-describedby={questionId}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20_000}
          value={form.text}
          onChange={(event) => setForm({ text: event.currentTarget.value })}
          onBlur={onBlur}
          error={error('textEmpty')}
        />
      );
    case 'link':
      return (
        <TextInput
          type="url"
          inputMode="url"
          autoComplete="url"
          label={t('facts.fields.link')}
          description={t('facts.fields.linkHint')}
          placeholder="https://"
          maxLength={2000}
          value={form.url}
          onChange={(event) => setForm({ url: event.currentTarget.value })}
          onBlur={onBlur}
          error={error('urlInvalid')}
        />
      );
    case 'date':
      return (
        <DateField
          label={t('facts.fields.date')}
          value={form.date}
          onChange={(value) => setForm({ date: value })}
          onBlur={onBlur}
          error={error('dateInvalid')}
          maw={{ base: '100%', xs: 240 }}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          label={t('facts.fields.choice')}
          value={form.choice || null}
          onChange={(value) => setForm({ choice: value })}
          error={error('choiceMissing')}
        >
          <Stack gap={6} mt={6}>
            {item.choices.map((choice) => (
              <Radio.Card
                key={choice}
                value={choice}
                className={classes.choice}
                data-checked={form.choice === choice || undefined}
                onBlur={onBlur}
              >
                <Group wrap="nowrap" gap="sm" align="flex-start">
                  <Radio.Indicator />
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {choice}
                  </Text>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'files':
      return (
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('facts.files.label')}
            </Text>
            <FileAnswer requestId={requestId} item={item} editable labelledBy={questionId} />
            {error('filesMissing') && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {error('filesMissing')}
              </Text>
            )}
          </Stack>
          <Textarea
            label={t('facts.fields.note')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            value={form.note}
            onChange={(event) => setForm({ note: event.currentTarget.value })}
            onBlur={onBlur}
          />
        </Stack>
      );
  }
}
