import { Button, SimpleGrid, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useMe } from '../lib/useMe.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { TodoList } from '../todo/TodoList.tsx';
import { ClientCard } from './ClientCard.tsx';
import { CreateClientModal } from './CreateClientModal.tsx';
import { clientListQuery } from './queries.ts';

const route = getRouteApi('/_app/');

/** Agency home: every client and where its monthly cycle stands. */
export function ClientsPage() {
  const { t } = useTranslation();
  usePageTitle(t('clients.title'));
  const me = useMe();
  const archived = route.useSearch({ select: (s) => s.archived ?? false });
  const navigate = route.useNavigate();
  const clients = useQuery(clientListQuery(archived));
  const [creating, { open, close }] = useDisclosure(false);
  const canCreate = me.abilities.createClient;

  const createButton = canCreate && (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
      {t('clients.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={me.agency ? t('clients.description') : t('clients.descriptionContact')}
        actions={
          <>
            {me.agency && (
              <Switch
                label={t('clients.showArchived')}
                checked={archived}
                onChange={(e) =>
                  void navigate({
                    search: { archived: e.currentTarget.checked ? true : undefined },
                    replace: true,
                  })
                }
              />
            )}
            {!archived && createButton}
          </>
        }
      />
      {!me.agency && me.clientMemberships.length > 0 && <TodoList />}
      {clients.isPending ? (
        <LoadingState rows={3} height={140} />
      ) : clients.isError ? (
        <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />
      ) : clients.data.length === 0 ? (
        archived ? (
          <EmptyBlock icon={<IconArchive />} title={t('clients.emptyArchived')} />
        ) : (
          <EmptyBlock
            icon={<IconBuildingStore />}
            title={t('clients.emptyTitle')}
            description={canCreate ? t('clients.emptyCanCreate') : t('clients.emptyCannotCreate')}
            action={createButton}
          />
        )
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {clients.data.map((client) => (
            <ClientCard key={client.id} client={client} />
          ))}
        </SimpleGrid>
      )}
      <CreateClientModal opened={creating} onClose={close} />
    </>
  );
}
