import { Box, Paper, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { currentLanguage } from '../../i18n/index.ts';
import type { ClientSummary } from '../agencySummary.ts';
import { FigureHint } from '../FigureHint.tsx';
import { formatFigure } from '../numbers.ts';
import { legendText } from './MonthChart.tsx';

const TOP = 15;
const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/** Revision rounds per client, most first: where the agency's revision time goes. */
export function RevisionTimeChart({ clients }: { clients: ClientSummary[] }) {
  const { t } = useTranslation();
  const { colors } = useMantineTheme();
  const language = currentLanguage();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 30em)');
  const top = clients.filter((c) => c.revisionRounds > 0).slice(0, TOP);
  const data = top.map((c) => ({
    name: c.clientName,
    // Per month over equal periods (agencySummary.ts): totals of unequal periods compare nothing.
    before: c.roundsPerMonthBefore === null ? null : Math.round(c.roundsPerMonthBefore * 10) / 10,
    since: c.roundsPerMonthSince === null ? null : Math.round(c.roundsPerMonthSince * 10) / 10,
    period: c.periodMonths,
    clientId: c.clientId,
  }));
  const labels = { before: t('insights.agency.roundsBefore'), since: t('insights.agency.roundsSince') };
  const summary = `${t('insights.agency.revisionTime')}: ${top
    .map(
      (c) =>
        `${t('insights.agency.roundsOf', { name: c.clientName, count: c.revisionRounds })} (${
          c.periodMonths > 0 ? `${t('insights.agency.periodOf', { count: c.periodMonths })}, ` : ''
        }${labels.before} ${c.roundsPerMonthBefore === null ? '—' : formatFigure(c.roundsPerMonthBefore, 'decimal', language)}, ${labels.since} ${c.roundsPerMonthSince === null ? '—' : formatFigure(c.roundsPerMonthSince, 'decimal', language)})`,
    )
    .join('; ')}`;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="revision-time-title">
      <Stack gap="xs">
        <Stack gap={2}>
          <Title order={2} fz="h4" id="revision-time-title">
            {t('insights.agency.revisionTime')}
          </Title>
          <Text size="sm" c="dimmed">
            {clients.length > TOP
              ? t('insights.agency.revisionTimeTop', { count: TOP })
              : t('insights.agency.revisionTimeAll')}
          </Text>
        </Stack>
        {top.length === 0 ? (
          <Text size="sm">{t('insights.agency.noRevisions')}</Text>
        ) : (
          <Box role="img" aria-label={summary} h={70 + top.length * 44}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
                accessibilityLayer={false}
                onClick={(state) => {
                  const row = data[Number(state.activeIndex)];
                  if (row)
                    void navigate({
                      to: '/clients/$clientId',
                      params: { clientId: row.clientId },
                      search: { tab: 'insights' },
                    });
                }}
                style={{ cursor: 'pointer' }}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={narrow ? 100 : 180}
                  tick={{ fontSize: 12 }}
                  tickFormatter={(name: string) => shorten(name, narrow ? 13 : 26)}
                />
                <Tooltip
                  labelFormatter={(name) => {
                    const row = data.find((r) => r.name === name);
                    return row?.period
                      ? `${String(name)} · ${t('insights.agency.periodOf', { count: row.period })}`
                      : String(name);
                  }}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
                <Bar dataKey="before" name={labels.before} fill={colors.gray[5]} isAnimationActive={false} />
                <Bar dataKey="since" name={labels.since} fill={colors.indigo[6]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
        <FigureHintLine />
      </Stack>
    </Paper>
  );
}

function FigureHintLine() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" component="div">
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {t('insights.agency.revisionTimeHow')}
        <FigureHint
          name={t('insights.figures.revisionRounds.label')}
          how={t('insights.figures.revisionRounds.how')}
        />
      </span>
    </Text>
  );
}
