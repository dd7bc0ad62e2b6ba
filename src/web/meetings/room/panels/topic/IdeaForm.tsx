import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../lib/errors.ts';
import { maxLength, required, validate } from '../../../../lib/validate.ts';
import { useAddIdea } from '../../../mutations.ts';
import { useRoom } from '../../RoomContext.tsx';
import { useReportError } from '../../useReportError.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The new topic's id, once the server has it. */
  onAdded: (topicId: string) => void;
}

/** A fresh idea from either side: it joins the plan as a topic from the meeting. */
export function IdeaForm({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meeting.ideas.title')} centered>
      {opened && <IdeaFields onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function IdeaFields({ onClose, onAdded }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const { meeting, rubrics } = useRoom();
  const add = useAddIdea(meeting);
  const report = useReportError();
  const [title, setTitle] = useState('');
  const [angle, setAngle] = useState('');
  const [rubricId, setRubricId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<'title' | 'angle', string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(
      { title, angle },
      { title: [required, maxLength(300)], angle: [maxLength(5000)] },
      t,
    );
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      { title: title.trim(), angle: angle.trim(), rubricId },
      {
        onSuccess: ({ topic }) => {
          notifySuccess(t('meeting.ideas.added', { title: topic.title }));
          onAdded(topic.id);
          onClose();
        },
        onError: report,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('topics.fields.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Textarea
          label={t('topics.fields.angle')}
          description={t('topics.fields.angleHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={angle}
          onChange={(e) => setAngle(e.currentTarget.value)}
          error={errors.angle}
        />
        <Select
          label={t('topics.fields.rubric')}
          placeholder={t('schedule.noRubric')}
          data={rubrics.map((r) => ({ value: r.id, label: r.name }))}
          value={rubricId}
          onChange={setRubricId}
          clearable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('meeting.ideas.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
