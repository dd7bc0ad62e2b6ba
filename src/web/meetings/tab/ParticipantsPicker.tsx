import { Checkbox, Fieldset, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Person {
  userId: string;
  name: string;
  email: string;
}

interface Props {
  agency: Person[] | undefined;
  client: Person[] | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
  description: string;
  error?: string;
}

/** Both sides of the meeting, each as a list of checkboxes. */
export function ParticipantsPicker({ agency, client, value, onChange, description, error }: Props) {
  const { t } = useTranslation();
  const group = (label: string, people: Person[] | undefined, empty?: string) => (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {!people ? (
        <Skeleton height={56} />
      ) : people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Checkbox.Group
          value={value.filter((id) => people.some((p) => p.userId === id))}
          onChange={(ids) => {
            const others = value.filter((id) => !people.some((p) => p.userId === id));
            onChange([...others, ...ids]);
          }}
          aria-label={label}
        >
          <Stack gap={6}>
            {people.map((p) => (
              <Checkbox
                key={p.userId}
                value={p.userId}
                label={p.name}
                description={p.email}
                styles={{ body: { alignItems: 'flex-start' }, label: { overflowWrap: 'anywhere' } }}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Stack>
  );
  return (
    <Fieldset
      legend={t('meetingSetup.participants')}
      variant="unstyled"
      styles={{ legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, padding: 0 } }}
    >
      <Text size="xs" c="dimmed" mt={2} mb="xs">
        {description}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {group(t('meetingSetup.agencySide'), agency)}
        {group(t('meetingSetup.clientSide'), client, t('meetingSetup.noContacts'))}
      </SimpleGrid>
      {error && (
        <Text size="xs" c="red" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
