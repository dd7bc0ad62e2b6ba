import { Button, Paper, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { clientRoles } from '../../shared/roles.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { InvitationList } from '../components/InvitationList.tsx';
import { InviteModal } from '../components/InviteModal.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { useMe } from '../lib/useMe.ts';
import { PHONE_TARGET, usePhone } from '../lib/usePhone.ts';
import { useRemoveContact, useUpdateContact } from './mutations.ts';
import { contactsQuery } from './queries.ts';

/** The client's own people (approvers, contributors) and the invitations still open. */
export function ClientContacts({ client }: { client: Client }) {
  const { t } = useTranslation();
  const me = useMe();
  const data = useQuery(contactsQuery(client.id));
  const update = useUpdateContact(client.id);
  const remove = useRemoveContact(client.id);
  const [inviting, { open, close }] = useDisclosure(false);
  const phone = usePhone();
  const canManage = client.abilities.manageContacts && me.abilities.inviteContacts;
  const openInvitations = data.data?.invitations.filter((i) => i.status !== 'accepted') ?? [];

  const inviteButton = canManage && (
    <Button
      leftSection={<IconUserPlus size={18} aria-hidden />}
      h={phone ? PHONE_TARGET : undefined}
      onClick={open}
    >
      {t('contacts.invite')}
    </Button>
  );

  return (
    <Stack gap="xl">
      <section aria-labelledby="contacts-heading">
        <SectionHeader
          id="contacts-heading"
          title={t('contacts.title')}
          description={t('contacts.description')}
          actions={data.data?.contacts.length ? inviteButton : null}
        />
        {data.isPending ? (
          <LoadingState rows={3} />
        ) : data.isError ? (
          <ErrorState error={data.error} onRetry={() => void data.refetch()} />
        ) : data.data.contacts.length === 0 ? (
          <EmptyBlock
            order={3}
            icon={<IconAddressBook />}
            title={t('contacts.emptyTitle')}
            description={canManage ? t('contacts.emptyHint') : undefined}
            action={inviteButton}
          />
        ) : (
          <Paper withBorder radius="md">
            <PeopleTable
              kind="contacts"
              people={data.data.contacts}
              roles={clientRoles}
              canManage={canManage}
              myId={me.user.id}
              update={update}
              remove={remove}
              removeConfirm={(contact) =>
                t('contacts.removeConfirm', { name: contact.name, client: client.name })
              }
              roleWidth={170}
              timeZone={client.timezone}
            />
          </Paper>
        )}
      </section>
      {openInvitations.length > 0 && (
        <section aria-labelledby="contact-invitations-heading">
          <SectionHeader id="contact-invitations-heading" title={t('invitations.title')} />
          <Paper withBorder radius="md">
            <InvitationList invitations={openInvitations} canManage={canManage} timeZone={client.timezone} />
          </Paper>
        </section>
      )}
      <InviteModal
        opened={inviting}
        onClose={close}
        title={t('contacts.invite')}
        description={t('contacts.inviteHint', { client: client.name })}
        roles={clientRoles}
        defaultRole="approver"
        clientId={client.id}
      />
    </Stack>
  );
}
