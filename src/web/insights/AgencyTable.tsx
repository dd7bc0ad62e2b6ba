import { Anchor, Group, Paper, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import type { ClientSummary } from './agencySummary.ts';
import { FigureHint } from './FigureHint.tsx';
import { formatFigure } from './numbers.ts';

type Column = { key: string; label: string; how: string };

/** The clients side by side over the range, each name opening its own insights. */
export function AgencyTable({ clients }: { clients: ClientSummary[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns: Column[] = [
    { key: 'since', label: t('insights.agency.cols.since'), how: t('insights.agency.cols.sinceHow') },
    { key: 'period', label: t('insights.agency.cols.period'), how: t('insights.agency.cols.periodHow') },
    {
      key: 'frBefore',
      label: t('insights.agency.cols.firstRoundBefore'),
      how: t('insights.agency.cols.firstRoundHow'),
    },
    {
      key: 'frSince',
      label: t('insights.agency.cols.firstRoundSince'),
      how: t('insights.agency.cols.firstRoundHow'),
    },
    {
      key: 'avg',
      label: t('insights.figures.averageRounds.label'),
      how: t('insights.agency.cols.averageRoundsHow'),
    },
    {
      key: 'rounds',
      label: t('insights.figures.revisionRounds.label'),
      how: t('insights.agency.cols.revisionRoundsHow'),
    },
    {
      key: 'unplanned',
      label: t('insights.agency.cols.unplanned'),
      how: t('insights.agency.cols.unplannedHow'),
    },
    {
      key: 'facts',
      label: t('insights.figures.factTurnaroundDays.label'),
      how: t('insights.agency.cols.factsHow'),
    },
  ];
  const num = { style: { fontVariantNumeric: 'tabular-nums' } } as const;

  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={980}>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm">
          <Table.Caption>{t('insights.agency.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('insights.agency.cols.client')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" style={{ verticalAlign: 'top' }}>
                  <Group gap={2} wrap="nowrap" align="flex-start">
                    <span>{c.label}</span>
                    <FigureHint name={c.label} how={c.how} />
                  </Group>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.map((c) => (
              <Table.Tr key={c.clientId}>
                <Table.Th scope="row" miw={170}>
                  <Anchor
                    size="sm"
                    fw={600}
                    style={{ overflowWrap: 'break-word' }}
                    renderRoot={(props) => (
                      <Link
                        to="/clients/$clientId"
                        params={{ clientId: c.clientId }}
                        search={{ tab: 'insights' }}
                        {...props}
                      />
                    )}
                  >
                    {c.clientName}
                  </Anchor>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.coCreationSince ? (
                    formatMonth(c.coCreationSince, language)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('insights.agency.notSet')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.periodMonths > 0 ? (
                    t('insights.agency.periodOf', { count: c.periodMonths })
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('insights.agency.noPeriod')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td {...num}>{formatFigure(c.firstRoundBefore, 'percent', language)}</Table.Td>
                <Table.Td {...num}>{formatFigure(c.firstRoundSince, 'percent', language)}</Table.Td>
                <Table.Td {...num}>{formatFigure(c.averageRounds, 'decimal', language)}</Table.Td>
                <Table.Td {...num}>{formatFigure(c.revisionRounds, 'count', language)}</Table.Td>
                <Table.Td {...num}>{formatFigure(c.unplanned, 'count', language)}</Table.Td>
                <Table.Td {...num}>{formatFigure(c.factTurnaroundDays, 'days', language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
