import { Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { type Language, languages } from '../../shared/roles.ts';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { useUpdateClient } from './mutations.ts';

/**
 * The client's language: the plan deck is made in it whoever downloads it (the agency's team
 * often works in one language while the client reads another). Saves as it is chosen.
 */
export function ClientLanguageSetting({ client }: { client: Client }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const choose = (language: Language) =>
    update.mutate(
      { language, version: client.version },
      {
        onSuccess: () => notifySuccess(t('client.language.saved')),
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <section aria-labelledby="client-language-heading">
      <SectionHeader id="client-language-heading" title={t('client.language.title')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('client.language.hint')}
          </Text>
          <Radio.Group
            label={t('client.language.label')}
            value={client.language}
            onChange={(value) => choose(value as Language)}
          >
            <Group gap="lg" mt="xs">
              {languages.map((language) => (
                <Radio
                  key={language}
                  value={language}
                  label={t(`client.language.${language}`)}
                  disabled={update.isPending}
                />
              ))}
            </Group>
          </Radio.Group>
        </Stack>
      </Paper>
    </section>
  );
}
