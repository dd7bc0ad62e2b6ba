import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LinkKind } from '../../shared/api/links.ts';
import { useCopyContactLink } from './mutations.ts';

interface Props {
  clientId: string;
  kind: LinkKind;
  subjectId: string;
  /** The client's people to offer a link for. */
  contacts: Person[];
}

interface Person {
  userId: string;
  name: string;
}

/**
 * "Copy the client's link": for each contact, their own link to this one subject, to pass on
 * when the email did not reach them. The server records every copy in the activity.
 */
export function CopyContactLinks({ clientId, kind, subjectId, contacts }: Props) {
  const { t } = useTranslation();
  const copy = useCopyContactLink();
  if (contacts.length === 0) return null;

  const copyFor = (contact: Person) =>
    copy.mutate(
      { clientId, userId: contact.userId, kind, subjectId },
      {
        onSuccess: async ({ url }) => {
          try {
            await navigator.clipboard.writeText(url);
            notifications.show({ message: t('links.copy.copied', { name: contact.name }), autoClose: 2000 });
          } catch {
            // No clipboard (an insecure origin, a denied permission): show it to copy by hand.
            notifications.show({ message: url, autoClose: false });
          }
        },
        onError: () => notifications.show({ color: 'red', message: t('links.copy.failed') }),
      },
    );

  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {t(`links.copy.note.${kind}`)}
      </Text>
      <Group gap="xs" wrap="wrap">
        {contacts.map((contact) => (
          <Button
            key={contact.userId}
            size="xs"
            variant="default"
            leftSection={<IconCopy size={14} aria-hidden />}
            aria-label={t('links.copy.label', { name: contact.name })}
            // Busy, not disabled: a disabled button would drop the keyboard focus.
            aria-busy={copy.isPending && copy.variables?.userId === contact.userId}
            onClick={() => copyFor(contact)}
          >
            {contact.name}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
