import { Select, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, reportFormError } from '../lib/errors.ts';
import { type AnyRole, roleOptions } from '../lib/roles.ts';
import { email as emailRule, hasErrors, required, validate } from '../lib/validate.ts';
import { useCreateInvitation } from '../settings/mutations.ts';
import { FormModal, FormModalBody } from './FormModal.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  roles: readonly AnyRole[];
  defaultRole: AnyRole;
  /** Set to invite a contact of this client; omit to invite an agency member. */
  clientId?: string;
}

/** Invite someone by email with a role; the invitation email goes out from the server. */
export function InviteModal({ opened, onClose, title, ...rest }: Props) {
  return (
    <FormModal opened={opened} onClose={onClose} title={title}>
      <InviteForm onDone={onClose} {...rest} />
    </FormModal>
  );
}

function InviteForm({
  roles,
  defaultRole,
  clientId,
  description,
  onDone,
}: Omit<Props, 'opened' | 'onClose' | 'title'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const invite = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AnyRole>(defaultRole);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ email }, { email: [required, emailRule] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    invite.mutate(
      { email: email.trim(), role, clientId },
      {
        onSuccess: ({ invitation }) => {
          notifySuccess(t('invitations.sent', { email: invitation.email }));
          onDone();
        },
        onError: (error) => reportFormError(error, t, ['email', 'role'], setErrors),
      },
    );
  };

  return (
    <FormModalBody
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t('invitations.send')}
      saving={invite.isPending}
    >
      <TextInput
        label={t('fields.email')}
        description={description}
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={errors.email}
        required
        data-autofocus
      />
      <Select
        label={t('fields.role')}
        data={roleOptions(roles, t)}
        value={role}
        onChange={(v) => v && setRole(v as AnyRole)}
        allowDeselect={false}
        error={errors.role}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModalBody>
  );
}
