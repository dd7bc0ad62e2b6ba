import { Group, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonthInText } from '../lib/dates.ts';
import { InsightCharts } from './charts/InsightCharts.tsx';
import { InsightActions } from './InsightActions.tsx';
import { KpiSection } from './KpiSection.tsx';
import { MonthTable } from './MonthTable.tsx';
import { lastMonths } from './months.ts';
import { clientInsightsQuery } from './queries.ts';
import { RangePicker, type RangeSize } from './RangePicker.tsx';

/** A client's months in numbers and charts: life before and since planning together. */
export function ClientInsights({ client }: { client: Client }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [size, setSize] = useState<RangeSize>(12);
  const range = lastMonths(size, client.timezone);
  const insights = useQuery({
    ...clientInsightsQuery(client.id, range),
    placeholderData: (previous) => previous,
  });
  const months = insights.data?.months ?? [];
  const since = insights.data?.coCreationSince ?? client.coCreationSince;

  return (
    <section aria-labelledby="insights-heading">
      <SectionHeader
        id="insights-heading"
        title={t('insights.client.title')}
        description={
          since
            ? t('insights.client.since', { month: formatMonthInText(since, language) })
            : t('insights.client.sinceNotSet')
        }
        actions={<InsightActions client={client} range={range} months={months} />}
      />
      <Group mb="md" gap="sm">
        <Text size="sm" id="insights-range">
          {t('insights.range.label')}
        </Text>
        <RangePicker value={size} onChange={setSize} />
      </Group>
      {insights.isPending ? (
        <LoadingState rows={4} height={96} />
      ) : insights.isError && !insights.data ? (
        <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />
      ) : months.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconChartBar />}
          title={t('insights.client.emptyTitle')}
          description={t(
            client.abilities.update ? 'insights.client.emptyManager' : 'insights.client.emptyDescription',
          )}
        />
      ) : (
        <Stack gap="xl">
          <Stack gap="sm">
            <Title order={3} fz="h4">
              {t('insights.client.glance')}
            </Title>
            <KpiSection months={months} />
          </Stack>
          <Stack gap="sm">
            <Title order={3} fz="h4">
              {t('insights.client.trends')}
            </Title>
            <InsightCharts months={months} timezone={client.timezone} />
          </Stack>
          <Stack gap="sm">
            <Title order={3} fz="h4">
              {t('insights.client.tableTitle')}
            </Title>
            <MonthTable months={months} timezone={client.timezone} />
          </Stack>
        </Stack>
      )}
    </section>
  );
}
