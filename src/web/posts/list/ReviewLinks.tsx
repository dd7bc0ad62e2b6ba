import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contactsQuery } from '../../clients/queries.ts';
import { CopyContactLinks } from '../../links/CopyContactLinks.tsx';
import { usePlanData } from '../../planning/PlanContext.tsx';

/**
 * While posts of the month wait for the client, the agency's managers may hand a contact their
 * own link to them ("copy the client's link"), when the email did not reach them.
 */
export function ReviewLinks({ waiting }: { waiting: boolean }) {
  const { t } = useTranslation();
  const { cycle, client, can } = usePlanData();
  const contacts = useQuery({ ...contactsQuery(client.id), enabled: waiting && can.editPlan });
  if (!waiting || !can.editPlan || !contacts.data) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('links.copy.button')}
      </Text>
      <CopyContactLinks
        clientId={client.id}
        kind="review"
        subjectId={cycle.id}
        contacts={contacts.data.contacts}
      />
    </Stack>
  );
}
