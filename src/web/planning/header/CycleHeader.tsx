import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPresentation } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { OverdueBadge } from '../../components/OverdueBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { LiveIndicator } from '../../live/LiveIndicator.tsx';
import { FireModeBadge } from '../../meetings/FireModeBadge.tsx';
import { ownerColor, stageLabel } from '../labels.ts';
import { moveText } from '../moveText.ts';
import { usePlanData } from '../PlanContext.tsx';
import { DeadlinesButton } from './DeadlinesModal.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { MissingList, MoveStageButton, ShareButton } from './StageActions.tsx';
import { StageStepper } from './StageStepper.tsx';

export function CycleHeader() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, client } = usePlanData();
  const deadline = cycle.deadlines[cycle.stage];

  return (
    <Stack gap="sm">
      <Anchor
        size="sm"
        w="fit-content"
        renderRoot={(props) => (
          <Link
            to="/clients/$clientId"
            params={{ clientId: client.id }}
            search={{ tab: 'plan' }}
            {...props}
          />
        )}
      >
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {client.name}
        </Group>
      </Anchor>
      <Group gap="sm" wrap="wrap">
        <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
          {t('cycle.heading', { month: formatMonth(cycle.month, language) })}
        </Title>
        <LiveIndicator />
      </Group>
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="wrap" miw={0} style={{ flex: '1 1 18rem' }}>
          <Badge variant="filled" color="indigo">
            {stageLabel(cycle.stage, t)}
          </Badge>
          {cycle.owner !== 'nobody' && (
            <Badge
              variant="light"
              color={ownerColor[cycle.owner]}
              tt="none"
              h="auto"
              py={2}
              style={{ whiteSpace: 'normal', textAlign: 'start' }}
            >
              {moveText(cycle, t, language)}
            </Badge>
          )}
          {cycle.overdue && <OverdueBadge deadline={deadline} />}
          <FireModeBadge cycleId={cycle.id} />
          <Text size="sm" c="dimmed">
            {t('cycle.counts', {
              slots: cycle.counts.slots,
              topics: cycle.counts.topics,
              free: cycle.counts.slotsWithoutTopic,
            })}
          </Text>
        </Group>
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconPresentation size={18} aria-hidden />}
            renderRoot={(props) => (
              <Link to="/cycles/$cycleId/present" params={{ cycleId: cycle.id }} {...props} />
            )}
          >
            {t('present.open')}
          </Button>
          <ExportMenu />
          <ShareButton />
          <MoveStageButton />
        </Group>
      </Group>
      <StageStepper actions={<DeadlinesButton />} />
      <MissingList />
    </Stack>
  );
}
