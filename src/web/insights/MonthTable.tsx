import { Anchor, Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { InsightMonth } from '../../shared/api/index.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import { FigureHint } from './FigureHint.tsx';
import { figureDefs, figureKeys } from './figures.ts';
import { monthNow } from './months.ts';
import { formatFigure } from './numbers.ts';
import { useFigureText } from './useFigureText.ts';

/** Every figure of every month: the charts' numbers, readable and reachable without the charts. */
export function MonthTable({ months, timezone }: { months: InsightMonth[]; timezone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const text = useFigureText();
  // Which months are partial is the server's (the client's zone); this only words it.
  const current = monthNow(timezone);

  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1400}>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" stickyHeader>
          <Table.Caption>{t('insights.table.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('insights.table.month')}</Table.Th>
              {figureKeys.map((key) => (
                <Table.Th key={key} scope="col" style={{ verticalAlign: 'top' }}>
                  <Group gap={2} wrap="nowrap" align="flex-start">
                    <span>{text.label(key)}</span>
                    <FigureHint name={text.label(key)} how={text.how(key)} />
                  </Group>
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('insights.kpi.meeting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...months].reverse().map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" miw={170}>
                  <Stack gap={2} align="flex-start">
                    {m.cycleId ? (
                      <Anchor
                        size="sm"
                        fw={600}
                        renderRoot={(props) => (
                          <Link to="/cycles/$cycleId" params={{ cycleId: m.cycleId as string }} {...props} />
                        )}
                      >
                        {formatMonth(m.month, language)}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600}>
                        {formatMonth(m.month, language)}
                      </Text>
                    )}
                    {m.partial && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="yellow"
                        tt="none"
                        h="auto"
                        // The Ukrainian words are long: wrapped, not cut off.
                        styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
                      >
                        {t(m.month === current ? 'insights.partial.current' : 'insights.partial.ahead')}
                      </Badge>
                    )}
                    {m.source === 'imported' ? (
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        {t('insights.table.imported')}
                      </Badge>
                    ) : (
                      m.before && (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {t('insights.before.short')}
                        </Badge>
                      )
                    )}
                  </Stack>
                </Table.Th>
                {figureKeys.map((key) => {
                  const value = figureDefs[key].value(m.figures);
                  return (
                    <Table.Td key={key} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {value === null ? (
                        <Missing imported={m.source === 'imported'} />
                      ) : (
                        formatFigure(value, figureDefs[key].kind, language)
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {m.figures.meeting ? (
                    t(`insights.meeting.${m.figures.meeting}`)
                  ) : (
                    <Missing imported={m.source === 'imported'} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** A figure the month does not have: an imported month kept only its posts and revisions. */
export function Missing({ imported }: { imported: boolean }) {
  const { t } = useTranslation();
  const hint = t(imported ? 'insights.table.importedHint' : 'insights.table.nothingHint');
  return (
    <Tooltip label={hint} withArrow multiline maw={260}>
      <Text span c="dimmed" role="img" aria-label={hint}>
        —
      </Text>
    </Tooltip>
  );
}
