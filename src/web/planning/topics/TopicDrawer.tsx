import {
  Button,
  Divider,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { endpoints } from '../../../shared/api/catalogue.ts';
import type { BodyOf } from '../../../shared/api/endpoint.ts';
import type { Topic } from '../../../shared/api/index.ts';
import type { Format } from '../../../shared/roles.ts';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { channelFormats, formatLabel, formatOptions } from '../../lib/channelLabels.ts';
import { isStaleVersion, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { changedFields, useEditBase } from '../../lib/useEditBase.ts';
import { hasErrors, maxLength, required, validate } from '../../lib/validate.ts';
import { statusLabel } from '../labels.ts';
import { useUpdateTopic } from '../mutations.ts';
import { channelName, usePlanData } from '../PlanContext.tsx';
import { TopicHistory } from '../reserve/TopicHistory.tsx';

const editableStatuses = ['proposed', 'accepted', 'changed', 'dropped'] as const;
type EditableStatus = (typeof editableStatuses)[number];
/** The fields the form edits, as the topic endpoint takes them (the version is added on save). */
type TopicFields = Omit<BodyOf<typeof endpoints.updateTopic>, 'version'>;

/** A topic in full; the drawer reads it fresh from the plan, so it follows live changes. */
export function TopicDrawer({ topicId, onClose }: { topicId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { topicById } = usePlanData();
  const topic = topicId ? topicById.get(topicId) : undefined;
  return (
    <Drawer
      opened={Boolean(topic)}
      onClose={onClose}
      position="right"
      size="md"
      title={t('topics.editTitle')}
    >
      {topic && <TopicForm key={topic.id} topic={topic} onDone={onClose} />}
    </Drawer>
  );
}

function TopicForm({ topic, onDone }: { topic: Topic; onDone: () => void }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const readOnly = !data.can.addTopics;
  const update = useUpdateTopic(data.cycle.id);
  // What the form opened with: only fields that differ from it are saved.
  const [initial] = useState<TopicFields>(() => ({
    title: topic.title,
    angle: topic.angle,
    rubricId: topic.rubricId,
    channelId: topic.channelId,
    format: topic.format,
    tags: topic.tags,
    ...(topic.status !== 'parked' ? { status: topic.status } : {}),
  }));
  const [title, setTitle] = useState(topic.title);
  const [angle, setAngle] = useState(topic.angle);
  const [rubricId, setRubricId] = useState<string | null>(topic.rubricId);
  const [channelId, setChannelId] = useState<string | null>(topic.channelId);
  const [format, setFormat] = useState<Format | null>(topic.format);
  const [tags, setTags] = useState<string[]>(topic.tags);
  const [status, setStatus] = useState<EditableStatus | null>(
    topic.status === 'parked' ? null : topic.status,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { stale, versionForSave, markStale } = useEditBase(topic.version);
  const channel = channelId ? data.channelById.get(channelId) : undefined;
  const formats = channel
    ? channelFormats(channel, format ?? undefined).map((f) => ({ value: f, label: formatLabel(f, t) }))
    : formatOptions(t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(
      { title, angle },
      { title: [required, maxLength(300)], angle: [maxLength(5000)] },
      t,
    );
    setErrors(found);
    if (hasErrors(found)) return;
    const edited: TopicFields = {
      title: title.trim(),
      angle,
      rubricId,
      channelId,
      format,
      tags,
      ...(status ? { status } : {}),
    };
    const fields = changedFields(initial, edited);
    if (Object.keys(fields).length === 0) return onDone();
    const body = { id: topic.id, version: versionForSave(), ...fields };
    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('topics.saved'));
        onDone();
      },
      onError: (error) => {
        if (isStaleVersion(error)) markStale();
        else
          reportFormError(
            error,
            t,
            ['title', 'angle', 'rubricId', 'channelId', 'format', 'tags', 'status'],
            setErrors,
          );
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && (
          <StaleVersionAlert
            current={`${topic.title} (${statusLabel(topic.status, t)})${topic.angle ? `: ${topic.angle}` : ''}`}
          />
        )}
        <TextInput
          label={t('topics.fields.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
          readOnly={readOnly}
          data-autofocus
        />
        <Textarea
          label={t('topics.fields.angle')}
          description={t('topics.fields.angleHint')}
          value={angle}
          onChange={(e) => setAngle(e.currentTarget.value)}
          error={errors.angle}
          autosize
          minRows={3}
          maxRows={10}
          readOnly={readOnly}
        />
        <Select
          label={t('topics.fields.status')}
          data={editableStatuses.map((s) => ({ value: s, label: statusLabel(s, t) }))}
          value={status}
          placeholder={statusLabel(topic.status, t)}
          onChange={(v) => setStatus(v as EditableStatus | null)}
          allowDeselect={false}
          error={errors.status}
          disabled={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('topics.fields.rubric')}
          placeholder={t('schedule.noRubric')}
          data={data.rubrics.map((r) => ({ value: r.id, label: r.name }))}
          value={rubricId}
          onChange={setRubricId}
          clearable
          disabled={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('topics.fields.channel')}
            placeholder={t('topics.anyChannel')}
            data={data.channels.map((c) => ({ value: c.id, label: channelName(c, t) }))}
            value={channelId}
            onChange={(id) => {
              setChannelId(id);
              const next = id ? data.channelById.get(id) : undefined;
              if (next && format && !channelFormats(next).includes(format)) setFormat(null);
            }}
            clearable
            disabled={readOnly}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('topics.fields.format')}
            placeholder={t('topics.anyFormat')}
            data={formats}
            value={format}
            onChange={(v) => setFormat(v as Format | null)}
            clearable
            disabled={readOnly}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TagsInput
          label={t('topics.fields.tags')}
          description={t('topics.fields.tagsHint')}
          value={tags}
          onChange={setTags}
          maxTags={20}
          error={errors.tags}
          disabled={readOnly}
          clearable
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {stale ? t('stale.saveAgain') : t('common.save')}
            </Button>
          </Group>
        )}
        <Divider />
        <Title order={3} fz="sm">
          {t('reserve.history')}
        </Title>
        <TopicHistory topicId={topic.id} timezone={data.client.timezone} />
        <Text size="xs" c="dimmed">
          {t('topics.createdBy', { author: topic.authorName ?? t('activity.system') })}
        </Text>
      </Stack>
    </form>
  );
}
