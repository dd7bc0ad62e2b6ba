import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../../RoomContext.tsx';

interface Props {
  initial: string | null;
  saving: boolean;
  onCancel: () => void;
  onSave: (topicId: string | null) => void;
}

/** Send the question on to the fact request, tied to the topic it is about. */
export function ForFactsForm({ initial, saving, onCancel, onSave }: Props) {
  const { t } = useTranslation();
  const { topics } = useRoom();
  const [topicId, setTopicId] = useState<string | null>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(topicId);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('meeting.questions.forFactsHint')}
        </Text>
        <Select
          label={t('meeting.questions.fields.topic')}
          placeholder={t('meeting.questions.fields.noTopic')}
          data={topics.filter((x) => x.status !== 'parked').map((x) => ({ value: x.id, label: x.title }))}
          value={topicId}
          onChange={setTopicId}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="xs" justify="flex-end">
          <Button size="compact-sm" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="compact-sm" type="submit" color="grape" loading={saving}>
            {t('meeting.questions.forFacts')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
