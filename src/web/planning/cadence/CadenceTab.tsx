import {
  ActionIcon,
  Alert,
  Button,
  Chip,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconCalendarRepeat,
  IconInfoCircle,
  IconPlus,
  IconTrash,
  IconWand,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { endpoints } from '../../../shared/api/catalogue.ts';
import type { BodyOf } from '../../../shared/api/endpoint.ts';
import type { Format } from '../../../shared/roles.ts';
import { TimeField } from '../../components/dates/TimeField.tsx';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { SectionHeader } from '../../components/SectionHeader.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { channelFormats, formatLabel } from '../../lib/channelLabels.ts';
import { formatMonthInText, weekdayNames } from '../../lib/dates.ts';
import { notifyError, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { useApplyCadence, useSaveCadence, useUndoCadence } from '../mutations.ts';
import { channelName, usePlanData } from '../PlanContext.tsx';
import { type Applied, CadencePreview } from './CadencePreview.tsx';

/** One rule as the cadence endpoint takes it; the key only tells the rows apart on screen. */
type RuleFields = BodyOf<typeof endpoints.replaceCadence>['rules'][number];
type Rule = RuleFields & { key: string };

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
let nextKey = 0;
const withKey = (rule: RuleFields): Rule => ({ ...rule, key: `rule-${nextKey++}` });
const strip = ({ key: _key, ...rule }: Rule): RuleFields => rule;
const same = (a: RuleFields[], b: RuleFields[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The weekly rhythm of the month ("Instagram reel every Tue and Thu at 18:00"). Saved rules
 * fill the month with empty slots; filling twice never duplicates.
 */
export function CadenceTab() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = usePlanData();
  const saved = data.plan.cadence.map(({ id: _id, ...rule }) => rule);
  const save = useSaveCadence(data.cycle.id);
  const apply = useApplyCadence(data.cycle.id);
  const [rules, setRules] = useState<Rule[]>(() => saved.map(withKey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const undo = useUndoCadence(data.cycle.id);
  const [previewing, setPreviewing] = useState(false);
  // The last fill, until undone: its slot ids are what "Undo" takes back.
  const [filled, setFilled] = useState<Applied | null>(null);
  const [undone, setUndone] = useState<{ removed: number; kept: number } | null>(null);
  const dirty = !same(rules.map(strip), saved);
  const editable = data.can.editPlan;
  const days = weekdayNames(language, 'short');
  const longDays = weekdayNames(language, 'long');

  const change = (key: string, patch: Partial<RuleFields>) =>
    setRules((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const addRule = () => {
    const channel = data.channels[0];
    if (!channel) return;
    setRules((list) => [
      ...list,
      withKey({
        channelId: channel.id,
        format: channelFormats(channel)[0] ?? 'post',
        weekdays: [2, 4],
        time: '10:00',
        rubricId: null,
      }),
    ]);
  };

  const submit = () => {
    const found: Record<string, string> = {};
    rules.forEach((r, i) => {
      if (r.weekdays.length === 0) found[`rules.${i}.weekdays`] = t('cadence.pickDays');
      if (!timePattern.test(r.time)) found[`rules.${i}.time`] = t('schedule.timeInvalid');
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { rules: rules.map(strip), version: data.cycle.version },
      {
        onSuccess: ({ cadence }) => {
          setRules(cadence.map(({ id: _id, ...rule }) => withKey(rule)));
          notifySuccess(t('cadence.saved'));
        },
        onError: (error) => reportFormError(error, t, Object.keys(found), setErrors),
      },
    );
  };

  const fill = () =>
    apply.mutate(undefined, {
      // The count and its Undo stay in the tab (a live region) rather than in a passing notification.
      onSuccess: (result) => {
        setPreviewing(false);
        setUndone(null);
        setFilled(result);
      },
      onError: (error) => notifyError(error, t),
    });

  const undoFill = () => {
    if (!filled) return;
    undo.mutate(
      filled.slots.map((s) => s.id),
      {
        onSuccess: ({ removed, kept }) => {
          setFilled(null);
          setUndone({ removed, kept: kept.length });
        },
        onError: (error) => notifyError(error, t),
      },
    );
  };

  if (data.channels.length === 0) {
    return (
      <EmptyBlock
        order={2}
        icon={<IconCalendarRepeat />}
        title={t('cadence.title')}
        description={t('schedule.noChannels')}
      />
    );
  }

  return (
    <section aria-labelledby="cadence-heading">
      <SectionHeader
        id="cadence-heading"
        title={t('cadence.title')}
        description={t('cadence.description', { month: formatMonthInText(data.cycle.month, language) })}
      />
      <Stack gap="sm">
        {rules.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cadence.empty')}
          </Text>
        )}
        {rules.map((rule, index) => {
          const channel = data.channelById.get(rule.channelId);
          const label = t('cadence.ruleLabel', { n: index + 1 });
          return (
            <Paper
              key={rule.key}
              withBorder
              radius="md"
              p="sm"
              component="fieldset"
              aria-label={label}
              style={{ margin: 0 }}
            >
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                  <Select
                    label={t('schedule.fields.channel')}
                    data={data.channels.map((c) => ({ value: c.id, label: channelName(c, t) }))}
                    value={rule.channelId}
                    onChange={(id) => {
                      const next = id ? data.channelById.get(id) : undefined;
                      if (!id || !next) return;
                      change(rule.key, {
                        channelId: id,
                        format: channelFormats(next).includes(rule.format)
                          ? rule.format
                          : (channelFormats(next)[0] ?? rule.format),
                      });
                    }}
                    allowDeselect={false}
                    disabled={!editable}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Select
                    label={t('schedule.fields.format')}
                    data={channelFormats(channel, rule.format).map((f) => ({
                      value: f,
                      label: formatLabel(f, t),
                    }))}
                    value={rule.format}
                    onChange={(v) => v && change(rule.key, { format: v as Format })}
                    allowDeselect={false}
                    disabled={!editable}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <TimeField
                    label={t('schedule.fields.time')}
                    value={rule.time}
                    onChange={(value) => change(rule.key, { time: value })}
                    error={errors[`rules.${index}.time`]}
                    disabled={!editable}
                  />
                  <Select
                    label={t('schedule.fields.rubric')}
                    placeholder={t('schedule.noRubric')}
                    data={data.rubrics.map((r) => ({ value: r.id, label: r.name }))}
                    value={rule.rubricId}
                    onChange={(v) => change(rule.key, { rubricId: v })}
                    clearable
                    disabled={!editable}
                    comboboxProps={{ withinPortal: true }}
                  />
                </SimpleGrid>
                <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id={`${rule.key}-days`}>
                      {t('cadence.weekdays')}
                    </Text>
                    <Chip.Group
                      multiple
                      value={rule.weekdays.map(String)}
                      onChange={(v) => change(rule.key, { weekdays: v.map(Number).sort((a, b) => a - b) })}
                    >
                      <Group gap={4} role="group" aria-labelledby={`${rule.key}-days`}>
                        {days.map((day, i) => (
                          <Chip
                            key={day}
                            value={String(i + 1)}
                            size="xs"
                            disabled={!editable}
                            aria-label={longDays[i]}
                          >
                            {day}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                    {errors[`rules.${index}.weekdays`] && (
                      <Text size="xs" c="var(--mantine-color-error)">
                        {errors[`rules.${index}.weekdays`]}
                      </Text>
                    )}
                  </Stack>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('cadence.remove', { n: index + 1 })}
                      onClick={() => setRules((list) => list.filter((r) => r.key !== rule.key))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {editable && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={addRule}>
              {t('cadence.add')}
            </Button>
            <Group gap="sm">
              <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
                {t('cadence.save')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconWand size={16} aria-hidden />}
                onClick={() => setPreviewing(true)}
                disabled={dirty || saved.length === 0}
                aria-describedby={dirty ? 'cadence-unsaved' : undefined}
              >
                {t('cadence.fill')}
              </Button>
            </Group>
          </Group>
        )}
        {dirty && editable && (
          <Text size="sm" c="dimmed" id="cadence-unsaved">
            {t('cadence.unsaved')}
          </Text>
        )}
        <div role="status">
          {filled && (
            <Alert color="teal" variant="light" icon={<IconInfoCircle />}>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text size="sm">
                  {t('cadence.filled', { count: filled.created })}
                  {filled.skipped > 0 && ` · ${t('cadence.previewSkip', { count: filled.skipped })}`}
                </Text>
                {filled.created > 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconArrowBackUp size={16} aria-hidden />}
                    onClick={undoFill}
                    loading={undo.isPending}
                  >
                    {t('cadence.undo')}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          {undone && (
            <Alert color={undone.kept ? 'orange' : 'gray'} variant="light" icon={<IconInfoCircle />}>
              <Text size="sm">{t('cadence.undone', { count: undone.removed })}</Text>
              {undone.kept > 0 && <Text size="sm">{t('cadence.undoKept', { count: undone.kept })}</Text>}
            </Alert>
          )}
        </div>
        <CadencePreview
          opened={previewing}
          onClose={() => setPreviewing(false)}
          onCreate={fill}
          creating={apply.isPending}
        />
      </Stack>
    </section>
  );
}
