import { Box, Button, Collapse, Group, List, SimpleGrid, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconHistory } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CycleStage, cycleStages } from '../../../shared/roles.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/format.ts';
import { stageLabel } from '../labels.ts';
import { usePlanData } from '../PlanContext.tsx';

/** The six stages with their deadlines: done, current, ahead; the moves between them on demand. */
export function StageStepper({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, client } = usePlanData();
  const [showHistory, setShowHistory] = useState(false);
  const current = cycleStages.indexOf(cycle.stage);

  const enteredAt = (stage: CycleStage) =>
    cycle.history
      .filter((h) => h.to === stage)
      .map((h) =>
        t(h.from ? 'cycle.historyEntry' : 'cycle.historyStarted', {
          from: h.from ? stageLabel(h.from, t) : '',
          to: stageLabel(h.to, t),
          who: h.actorName ?? t('activity.system'),
          at: formatDateTime(h.at, language, client.timezone),
        }),
      );

  return (
    <Box>
      <SimpleGrid
        component="ol"
        cols={{ base: 3, sm: 6 }}
        spacing={4}
        verticalSpacing="xs"
        aria-label={t('cycle.stagesLabel')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {cycleStages.map((stage, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'ahead';
          const deadline = cycle.deadlines[stage];
          const entries = enteredAt(stage);
          const item = (
            <Box
              key={stage}
              component="li"
              aria-current={state === 'current' ? 'step' : undefined}
              p={6}
              style={{
                borderTop: `3px solid var(--mantine-color-${state === 'ahead' ? 'gray-3' : 'indigo-7'})`,
                background: state === 'current' ? 'var(--mantine-color-indigo-0)' : undefined,
                borderRadius: 4,
              }}
            >
              <Text
                size="sm"
                fw={state === 'current' ? 700 : 500}
                c={state === 'ahead' ? 'dimmed' : undefined}
              >
                {state === 'done' && (
                  <ThemeIcon
                    size={16}
                    radius="xl"
                    color="indigo"
                    mr={4}
                    style={{ verticalAlign: 'text-bottom' }}
                  >
                    <IconCheck size={12} aria-hidden />
                  </ThemeIcon>
                )}
                {stageLabel(stage, t)}
                <span className="visually-hidden">{` (${t(`cycle.stepState.${state}`)})`}</span>
              </Text>
              {deadline && (
                <Text size="xs" c={state === 'current' && cycle.overdue ? 'red.9' : 'dimmed'}>
                  {t('cycle.due', { date: formatLocalDate(deadline, language) })}
                </Text>
              )}
            </Box>
          );
          return entries.length > 0 ? (
            <Tooltip
              key={stage}
              label={entries.join('\n')}
              multiline
              maw={320}
              style={{ whiteSpace: 'pre-line' }}
            >
              {item}
            </Tooltip>
          ) : (
            item
          );
        })}
      </SimpleGrid>
      <Group gap="xs" mt={4} wrap="wrap">
        {cycle.history.length > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconHistory size={14} aria-hidden />}
            aria-expanded={showHistory}
            aria-controls="stage-history"
            onClick={() => setShowHistory((v) => !v)}
          >
            {t('cycle.history')}
          </Button>
        )}
        {actions}
      </Group>
      <Collapse expanded={showHistory} id="stage-history">
        <List size="sm" spacing={2} mt={4}>
          {cycle.history.map((h) => (
            <List.Item key={`${h.at}-${h.to}`}>
              {t(h.from ? 'cycle.historyEntry' : 'cycle.historyStarted', {
                from: h.from ? stageLabel(h.from, t) : '',
                to: stageLabel(h.to, t),
                who: h.actorName ?? t('activity.system'),
                at: formatDateTime(h.at, language, client.timezone),
              })}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </Box>
  );
}
