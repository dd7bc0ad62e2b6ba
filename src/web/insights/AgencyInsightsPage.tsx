import { Group, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { AgencyTable } from './AgencyTable.tsx';
import { summarise } from './agencySummary.ts';
import { RevisionTimeChart } from './charts/RevisionTimeChart.tsx';
import { lastMonths } from './months.ts';
import { agencyInsightsQuery } from './queries.ts';
import { RangePicker, type RangeSize } from './RangePicker.tsx';

/** The agency's clients compared: who gains from co-creation, and where revision time goes. */
export function AgencyInsightsPage() {
  const { t } = useTranslation();
  usePageTitle(t('insights.agency.title'));
  const [size, setSize] = useState<RangeSize>(12);
  const range = lastMonths(size);
  const insights = useQuery({ ...agencyInsightsQuery(range), placeholderData: (previous) => previous });
  const clients = insights.data ? summarise(insights.data).filter((c) => c.months > 0) : [];

  return (
    <>
      <PageHeader title={t('insights.agency.title')} description={t('insights.agency.description')} />
      <Group mb="md" gap="sm">
        <Text size="sm">{t('insights.range.label')}</Text>
        <RangePicker value={size} onChange={setSize} />
      </Group>
      {insights.isPending ? (
        <LoadingState rows={4} height={96} />
      ) : insights.isError && !insights.data ? (
        <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />
      ) : clients.length === 0 ? (
        <EmptyBlock
          icon={<IconChartBar />}
          title={t('insights.agency.emptyTitle')}
          description={t('insights.agency.emptyDescription')}
        />
      ) : (
        <Stack gap="xl">
          <RevisionTimeChart clients={clients} />
          <section aria-labelledby="compare-heading">
            <Title order={2} fz="h4" id="compare-heading" mb="sm">
              {t('insights.agency.compare')}
            </Title>
            <AgencyTable clients={clients} />
          </section>
        </Stack>
      )}
    </>
  );
}
