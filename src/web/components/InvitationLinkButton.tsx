import {
  ActionIcon,
  Alert,
  Button,
  type ButtonProps,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle, IconLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../shared/api/index.ts';
import { setupQuery } from '../auth/queries.ts';
import { notifyError } from '../lib/errors.ts';
import { usePhone } from '../lib/usePhone.ts';
import { useCopyInvitationLink } from '../settings/mutations.ts';

/**
 * For the invitation's sender: its link, to pass on by other means (no email on the server, or
 * an email that never arrived). Each copy is a fresh link; the one emailed before stops working.
 */
export function InvitationLinkButton({
  invitation,
  buttonProps,
}: {
  invitation: Invitation;
  /** The trigger's look when not a table row's small quiet button (a phone's card). */
  buttonProps?: ButtonProps;
}) {
  const { t } = useTranslation();
  // On a phone the link, the copy button and Close are finger-sized.
  const phone = usePhone();
  const copyLink = useCopyInvitationLink();
  const emailConfigured = useQuery(setupQuery).data?.emailConfigured !== false;
  const [link, setLink] = useState<string | null>(null);

  const open = () =>
    !copyLink.isPending &&
    copyLink.mutate(invitation.id, {
      onSuccess: (body) => setLink(body.link),
      onError: (error) => notifyError(error, t),
    });

  return (
    <>
      <Button
        variant="subtle"
        size="xs"
        leftSection={copyLink.isPending ? <Loader size={14} /> : <IconLink size={14} aria-hidden />}
        aria-label={t('invitations.copyLinkFor', { email: invitation.email })}
        // Busy, not disabled (as `loading` would make it): a disabled button drops the keyboard
        // focus, and the link's dialog would give it back to nothing when closed.
        aria-busy={copyLink.isPending}
        onClick={open}
        {...buttonProps}
      >
        {t('invitations.copyLink')}
      </Button>
      <Modal
        opened={link !== null}
        onClose={() => setLink(null)}
        title={t('invitations.linkTitle')}
        centered
        size="lg"
        closeButtonProps={phone ? { size: 'xl' } : undefined}
      >
        <Stack gap="md">
          <Text size="sm">{t('invitations.linkDescription', { email: invitation.email })}</Text>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label={t('invitations.link')}
              size={phone ? 'md' : 'sm'}
              value={link ?? ''}
              readOnly
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={link ?? ''}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('invitations.copied') : t('invitations.copy')}>
                  <ActionIcon
                    size={phone ? 'input-md' : 'lg'}
                    variant="light"
                    onClick={copy}
                    aria-label={t('invitations.copy')}
                  >
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
            {emailConfigured ? t('invitations.linkReplacesEmail') : t('invitations.linkSecret')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" size={phone ? 'md' : 'sm'} onClick={() => setLink(null)}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
