import { Button, Paper, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailOpened, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agencyRoles } from '../../shared/roles.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { InvitationList } from '../components/InvitationList.tsx';
import { InviteModal } from '../components/InviteModal.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { useMe } from '../lib/useMe.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { PHONE_TARGET, usePhone } from '../lib/usePhone.ts';
import { useRemoveMember, useUpdateMember } from './mutations.ts';
import { invitationsQuery, membersQuery } from './queries.ts';

/** The agency's people. Owners manage roles and invitations; everyone else reads. */
export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  const me = useMe();
  const canManage = me.abilities.manageMembers;
  const members = useQuery(membersQuery);
  const update = useUpdateMember();
  const remove = useRemoveMember();
  const [inviting, { open, close }] = useDisclosure(false);
  const phone = usePhone();

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={canManage ? t('members.description') : t('members.descriptionReadOnly')}
        actions={
          canManage && (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              h={phone ? PHONE_TARGET : undefined}
              onClick={open}
            >
              {t('members.invite')}
            </Button>
          )
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="members-heading">
          <SectionHeader id="members-heading" title={t('members.listTitle')} />
          {members.isPending ? (
            <LoadingState rows={3} />
          ) : members.isError ? (
            <ErrorState error={members.error} onRetry={() => void members.refetch()} />
          ) : members.data.length === 0 ? (
            <EmptyBlock order={3} icon={<IconUsersGroup />} title={t('members.empty')} />
          ) : (
            <Paper withBorder radius="md">
              <PeopleTable
                kind="members"
                people={members.data}
                roles={agencyRoles}
                canManage={canManage}
                myId={me.user.id}
                update={update}
                remove={remove}
                removeConfirm={(member) => t('members.removeConfirm', { name: member.name })}
                canRemove={(member) => member.userId !== me.user.id}
                roleWidth={190}
              />
            </Paper>
          )}
        </section>
        {canManage && <MemberInvitations />}
      </Stack>
      <InviteModal
        opened={inviting}
        onClose={close}
        title={t('members.invite')}
        description={t('members.inviteHint')}
        roles={agencyRoles}
        defaultRole="content_manager"
      />
    </>
  );
}

function MemberInvitations() {
  const { t } = useTranslation();
  const invitations = useQuery(invitationsQuery);
  // Client contacts' invitations live on each client's Contacts tab.
  const list = invitations.data?.filter((i) => i.clientId === null) ?? [];
  return (
    <section aria-labelledby="member-invitations-heading">
      <SectionHeader id="member-invitations-heading" title={t('invitations.title')} />
      {invitations.isPending ? (
        <LoadingState rows={2} />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : list.length === 0 ? (
        <EmptyBlock order={3} icon={<IconMailOpened />} title={t('invitations.empty')} />
      ) : (
        <Paper withBorder radius="md">
          <InvitationList invitations={list} canManage />
        </Paper>
      )}
    </section>
  );
}
