import { Alert, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { StaleVersionAlert } from '../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { notifySuccess } from '../lib/errors.ts';
import { useVersionedForm } from '../lib/useVersionedForm.ts';
import { useUpdateClient } from './mutations.ts';

type Reminders = Client['factReminders'];

/** What the server accepts: up to five days each; before 0–30 (0 = on the day), after 1–60. */
const MAX_DAYS = 5;
const beforeDays = Array.from({ length: 31 }, (_, i) => i);
const afterDays = Array.from({ length: 60 }, (_, i) => i + 1);

const ascending = (days: number[]) => [...new Set(days)].sort((a, b) => a - b);
const same = (a: Reminders, b: Reminders) =>
  ascending(a.before).join() === ascending(b.before).join() &&
  ascending(a.after).join() === ascending(b.after).join();

const dayBefore = (day: number, t: TFunction) =>
  day === 0 ? t('factReminders.onTheDay') : t('factReminders.dayBefore', { count: day });
const dayAfter = (day: number, t: TFunction) => t('factReminders.dayAfter', { count: day });

/** "1, 2 and 3" in the reader's language. */
const listOf = (days: number[]) =>
  new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(days.map(String));

/**
 * One sentence that says when the client is reminded: "Reminded 2 days before the due date,
 * then 1 and 3 days after it." Numbers read in ascending order; the largest picks the plural.
 */
export function remindersSentence(reminders: Reminders, t: TFunction): string {
  const before = ascending(reminders.before);
  const after = ascending(reminders.after);
  const daysBefore = before.filter((d) => d > 0);
  const beforeParts: string[] = [];
  if (daysBefore.length) {
    beforeParts.push(
      t('factReminders.beforePhrase', { count: daysBefore.at(-1)!, list: listOf(daysBefore) }),
    );
  }
  if (before.includes(0)) {
    beforeParts.push(daysBefore.length ? t('factReminders.onDayToo') : t('factReminders.onDay'));
  }
  const beforeText = new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(beforeParts);
  const afterText = after.length
    ? t('factReminders.afterPhrase', { count: after.at(-1)!, list: listOf(after) })
    : '';
  if (beforeText && afterText)
    return t('factReminders.previewBoth', { before: beforeText, after: afterText });
  if (beforeText) return t('factReminders.previewBefore', { before: beforeText });
  if (afterText) return t('factReminders.previewAfter', { after: afterText });
  return t('factReminders.previewNone');
}

/** On which days the client is reminded of a sent fact request's unanswered items. */
export function FactRemindersForm({ client }: { client: Client }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const form = useVersionedForm(['factReminders.before', 'factReminders.after']);
  const [reminders, setReminders] = useState<Reminders>(() => ({
    before: ascending(client.factReminders.before),
    after: ascending(client.factReminders.after),
  }));
  const dirty = !same(reminders, client.factReminders);

  const submit = form.handleSubmit(
    () => ({}),
    () =>
      update.mutate(
        { factReminders: reminders, version: client.version },
        { onSuccess: () => notifySuccess(t('factReminders.saved')), onError: form.onError },
      ),
  );

  const field = (side: 'before' | 'after') => {
    const days = side === 'before' ? beforeDays : afterDays;
    const label = side === 'before' ? dayBefore : dayAfter;
    const value = reminders[side];
    return (
      <MultiSelect
        label={t(`factReminders.${side}`)}
        description={t(`factReminders.${side}Hint`)}
        placeholder={value.length >= MAX_DAYS ? undefined : t('factReminders.pick')}
        data={days.map((d) => ({ value: String(d), label: label(d, t) }))}
        value={value.map(String)}
        onChange={(next) => setReminders((r) => ({ ...r, [side]: ascending(next.map(Number)) }))}
        maxValues={MAX_DAYS}
        hidePickedOptions
        searchable
        nothingFoundMessage={value.length >= MAX_DAYS ? t('factReminders.full') : t('common.nothingFound')}
        error={form.errors[`factReminders.${side}`]}
        comboboxProps={{ withinPortal: true }}
      />
    );
  };

  return (
    <section aria-labelledby="client-fact-reminders-heading">
      <SectionHeader id="client-fact-reminders-heading" title={t('factReminders.title')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('factReminders.hint', { zone: client.timezone.replaceAll('_', ' ') })}
            </Text>
            {form.stale && <StaleVersionAlert current={remindersSentence(client.factReminders, t)} />}
            {field('before')}
            {field('after')}
            <Alert variant="light" color="blue" icon={<IconBell size={18} aria-hidden />} p="sm">
              <Text size="sm" aria-live="polite">
                {remindersSentence(reminders, t)}
              </Text>
            </Alert>
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!dirty && !form.stale}>
                {form.stale ? t('stale.saveAgain') : t('common.saveChanges')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
