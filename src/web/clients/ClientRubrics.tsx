import { ColorSwatch, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Client, Rubric } from '../../shared/api/index.ts';
import { useMe } from '../lib/useMe.ts';
import { ClientItemList } from './ClientItemList.tsx';
import { RubricFactTemplates } from './factTemplates/RubricFactTemplates.tsx';
import { useDeleteRubric } from './mutations.ts';
import { rubricsQuery } from './queries.ts';
import { RubricFormModal } from './RubricFormModal.tsx';

/** The client's content pillars, each with a colour used across plans. */
export function ClientRubrics({ client }: { client: Client }) {
  const rubrics = useQuery(rubricsQuery(client.id));
  const remove = useDeleteRubric(client.id);
  const me = useMe();
  // What a rubric always needs is the agency's working knowledge; client contacts do not see it.
  const agencySide = Boolean(me.agency) && !me.clientMemberships.some((m) => m.clientId === client.id);
  return (
    <ClientItemList
      kind="rubrics"
      client={client}
      items={rubrics}
      remove={remove}
      emptyIcon={<IconTags />}
      nameOf={(rubric) => rubric.name}
      form={({ opened, item, onClose }) => (
        <RubricFormModal clientId={client.id} opened={opened} rubric={item} onClose={onClose} />
      )}
    >
      {(list, actions) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" role="list">
          {list.map((rubric) => (
            <RubricRow
              key={rubric.id}
              rubric={rubric}
              actions={actions(rubric)}
              needs={agencySide && <RubricFactTemplates client={client} rubric={rubric} />}
            />
          ))}
        </SimpleGrid>
      )}
    </ClientItemList>
  );
}

function RubricRow({ rubric, actions, needs }: { rubric: Rubric; actions: ReactNode; needs: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm" pl="md" role="listitem" style={{ alignSelf: 'start' }}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <ColorSwatch color={rubric.color} size={22} style={{ flexShrink: 0 }} aria-hidden />
          <Text fw={500} truncate="end" title={rubric.name}>
            {rubric.name}
          </Text>
        </Group>
        {actions}
      </Group>
      {needs}
    </Paper>
  );
}
