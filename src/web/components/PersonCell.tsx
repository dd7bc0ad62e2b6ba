import { Avatar, Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { initials } from '../lib/format.ts';
import { TruncatedText } from './TruncatedText.tsx';

/** Avatar, name and email of a person in a table row; long names are cut, not wrapped. */
export function PersonCell({ name, email, isYou }: { name: string; email: string; isYou?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <Avatar radius="xl" color="indigo" size={36} aria-hidden>
        {initials(name)}
      </Avatar>
      <Stack gap={0} miw={0} maw={320}>
        <Group gap={6} wrap="nowrap" miw={0}>
          <TruncatedText size="sm" fw={600}>
            {name}
          </TruncatedText>
          {isYou && (
            <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
              {t('common.you')}
            </Badge>
          )}
        </Group>
        <TruncatedText size="xs" c="dimmed">
          {email}
        </TruncatedText>
      </Stack>
    </Group>
  );
}
