import { Button, type ButtonProps, Loader } from '@mantine/core';
import { IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../shared/api/index.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { useResendInvitation, useRevokeInvitation } from '../settings/mutations.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { InvitationLinkButton } from './InvitationLinkButton.tsx';

interface Props {
  invitation: Invitation;
  /** The reader: only an invitation's sender can copy its link. */
  myId: string | undefined;
  /** Look of the buttons: small and quiet in a table row, finger-sized on a phone's card. */
  buttonProps?: ButtonProps;
}

/** What can be done with one invitation: send it again, copy its link, revoke it. */
export function InvitationActions({ invitation, myId, buttonProps }: Props) {
  const { t } = useTranslation();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  return (
    <>
      {(invitation.status === 'pending' || invitation.status === 'expired') && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={resend.isPending ? <Loader size={14} /> : <IconSend size={14} aria-hidden />}
          aria-label={t('invitations.resendTo', { email: invitation.email })}
          // Busy, not disabled: a disabled button would drop the keyboard focus.
          aria-busy={resend.isPending}
          onClick={() =>
            !resend.isPending &&
            resend.mutate(invitation.id, {
              onSuccess: () => notifySuccess(t('invitations.resent', { email: invitation.email })),
              onError: (error) => notifyError(error, t),
            })
          }
          {...buttonProps}
        >
          {t('invitations.resend')}
        </Button>
      )}
      {invitation.status === 'pending' && invitation.invitedById === myId && (
        <InvitationLinkButton invitation={invitation} buttonProps={buttonProps} />
      )}
      {invitation.status === 'pending' && (
        <ConfirmButton
          label={t('invitations.revokeFor', { email: invitation.email })}
          leftSection={<IconX size={14} aria-hidden />}
          title={t('invitations.revokeTitle')}
          message={t('invitations.revokeConfirm', { email: invitation.email })}
          confirmLabel={t('invitations.revoke')}
          onConfirm={() => revoke.mutateAsync(invitation.id, { onError: (error) => notifyError(error, t) })}
          loading={revoke.isPending}
          {...buttonProps}
        >
          {t('invitations.revoke')}
        </ConfirmButton>
      )}
    </>
  );
}
