import { ActionIcon, TextInput } from '@mantine/core';
import { IconCornerDownLeft } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../lib/errors.ts';
import { useCreateTopic } from '../mutations.ts';
import { usePlanData } from '../PlanContext.tsx';

/** Type a title, press Enter: a topic is proposed and the field is ready for the next one. */
export function QuickAdd() {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const create = useCreateTopic(cycle.id);
  const [title, setTitle] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    if (!value) return;
    create.mutate(
      { title: value },
      {
        onSuccess: () => setTitle(''),
        onError: (error) => notifyError(error, t),
      },
    );
  };

  return (
    <form onSubmit={submit} style={{ flex: '1 1 20rem' }}>
      <TextInput
        label={t('topics.quickAdd')}
        placeholder={t('topics.quickAddPlaceholder')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.currentTarget.value)}
        disabled={create.isPending}
        rightSection={
          <ActionIcon type="submit" variant="subtle" aria-label={t('topics.add')} loading={create.isPending}>
            <IconCornerDownLeft size={16} aria-hidden />
          </ActionIcon>
        }
      />
    </form>
  );
}
