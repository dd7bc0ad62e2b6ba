import { Button, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { StaleVersionAlert } from '../components/StaleVersionAlert.tsx';
import { notifySuccess } from '../lib/errors.ts';
import { useVersionedForm } from '../lib/useVersionedForm.ts';
import { useUpdateClient } from './mutations.ts';

/** What the server accepts. */
const MAX_LEAD = 20;

/**
 * How many working days before its publication the client should approve a post: the date the
 * client sees on each post, reminders run from, and after which the post is at risk in the plan.
 */
export function ApprovalLeadForm({ client }: { client: Client }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const form = useVersionedForm(['approvalLeadDays']);
  const [days, setDays] = useState<number>(client.approvalLeadDays);
  const valid = Number.isInteger(days) && days >= 0 && days <= MAX_LEAD;
  const preview = (n: number) =>
    n === 0 ? t('client.approvalLead.previewZero') : t('client.approvalLead.preview', { count: n });

  const submit = form.handleSubmit(
    () => ({}),
    () =>
      update.mutate(
        { approvalLeadDays: days, version: client.version },
        { onSuccess: () => notifySuccess(t('client.approvalLead.saved')), onError: form.onError },
      ),
  );

  return (
    <section aria-labelledby="client-approval-lead-heading">
      <SectionHeader id="client-approval-lead-heading" title={t('client.approvalLead.title')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('client.approvalLead.hint')}
            </Text>
            {form.stale && <StaleVersionAlert current={preview(client.approvalLeadDays)} />}
            <NumberInput
              label={t('client.approvalLead.label')}
              value={days}
              onChange={(v) => setDays(typeof v === 'number' ? v : Number(v))}
              min={0}
              max={MAX_LEAD}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              maw={360}
              error={form.errors.approvalLeadDays}
              description={valid ? preview(days) : undefined}
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={update.isPending}
                disabled={!valid || (days === client.approvalLeadDays && !form.stale)}
              >
                {form.stale ? t('stale.saveAgain') : t('common.saveChanges')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
