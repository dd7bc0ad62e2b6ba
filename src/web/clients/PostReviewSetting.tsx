import { Paper, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { useUpdateClient } from './mutations.ts';

/**
 * Whether this client's posts pass the agency's own review first: a manager then sends what a
 * creator wrote on to the client. It saves as it is switched (one yes/no, nothing to submit).
 * `enabled` is the setting the agency is sent (a contact is sent null: it is the agency's own).
 */
export function PostReviewSetting({ client, enabled }: { client: Client; enabled: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const toggle = (on: boolean) =>
    update.mutate(
      { postInternalReview: on, version: client.version },
      {
        onSuccess: () => notifySuccess(t(on ? 'client.internalReview.on' : 'client.internalReview.off')),
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="internal-review-heading">
      <Stack gap="sm">
        <SectionHeader id="internal-review-heading" title={t('client.internalReview.title')} />
        <Switch
          checked={enabled}
          disabled={update.isPending}
          onChange={(event) => toggle(event.currentTarget.checked)}
          label={t('client.internalReview.label')}
          description={t('client.internalReview.hint')}
        />
      </Stack>
    </Paper>
  );
}
