import { Modal, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModalBody } from '../components/FormModal.tsx';
import { TimeZoneSelect } from '../components/TimeZoneSelect.tsx';
import { notifySuccess, reportFormError } from '../lib/errors.ts';
import { hasErrors, maxLength, required, validate } from '../lib/validate.ts';
import { useCreateClient } from './mutations.ts';

const DEFAULT_TIMEZONE = 'Europe/Kyiv';

export function CreateClientModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateClient();
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(DEFAULT_TIMEZONE);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const close = () => {
    setName('');
    setTimezone(DEFAULT_TIMEZONE);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ name }, { name: [required, maxLength(200)] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    create.mutate(
      { name: name.trim(), timezone },
      {
        onSuccess: ({ client }) => {
          notifySuccess(t('clients.created', { name: client.name }));
          close();
          void navigate({ to: '/clients/$clientId', params: { clientId: client.id } });
        },
        onError: (error) => reportFormError(error, t, ['name', 'timezone'], setErrors),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('clients.create')} centered>
      <FormModalBody
        onSubmit={submit}
        onCancel={close}
        submitLabel={t('clients.createSubmit')}
        saving={create.isPending}
      >
        <TextInput
          label={t('clients.fields.name')}
          placeholder={t('clients.fields.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
        />
        <TimeZoneSelect value={timezone} onChange={setTimezone} error={errors.timezone} />
      </FormModalBody>
    </Modal>
  );
}
