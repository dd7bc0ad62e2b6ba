import { Badge, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconCheck, IconShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonthInText } from '../../lib/dates.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { missingLabel, stageLabel } from '../labels.ts';
import { useMoveStage, useShareCycle } from '../mutations.ts';
import { usePlanData } from '../PlanContext.tsx';

/** "Move to Meeting": enabled once nothing is missing; what is missing shows beforehand. */
export function MoveStageButton() {
  const { t } = useTranslation();
  const { cycle, can } = usePlanData();
  const move = useMoveStage(cycle.id);
  const next = cycle.next;
  if (!can.advance || !next) return null;
  const blocked = next.missing.length > 0;
  const label = t('cycle.moveTo', { stage: stageLabel(next.stage, t) });

  const confirm = () =>
    move.mutateAsync(
      { to: next.stage, version: cycle.version },
      {
        onSuccess: () => notifySuccess(t('cycle.moved', { stage: stageLabel(next.stage, t) })),
        onError: (error) => notifyError(error, t),
      },
    );

  return (
    <ConfirmAction
      leftSection={<IconArrowRight size={18} aria-hidden />}
      disabled={blocked}
      describedBy={blocked ? 'stage-missing' : undefined}
      title={label}
      message={t('cycle.moveConfirm', { stage: stageLabel(next.stage, t) })}
      confirmLabel={label}
      onConfirm={confirm}
      loading={move.isPending}
    >
      {label}
    </ConfirmAction>
  );
}

/** What must happen before the next stage, in words; shown before anyone tries. */
export function MissingList() {
  const { t } = useTranslation();
  const { cycle, can } = usePlanData();
  const next = cycle.next;
  if (!can.advance || !next || next.missing.length === 0) return null;
  return (
    <Stack gap={4} id="stage-missing">
      <Text size="sm" fw={500}>
        {t('cycle.missingTitle', { stage: stageLabel(next.stage, t) })}
      </Text>
      <List size="sm" spacing={2}>
        {next.missing.map((code) => (
          <List.Item key={code}>{missingLabel(code, t)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Shares the plan with the client's contacts (read-only until the meeting); "Shared" after. */
export function ShareButton() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, client, can } = usePlanData();
  const share = useShareCycle(cycle.id);
  if (cycle.shared) {
    const badge = (
      <Badge
        color="teal"
        variant="light"
        size="lg"
        leftSection={<IconCheck size={14} aria-hidden />}
        tt="none"
      >
        {t('share.shared')}
      </Badge>
    );
    return cycle.sharedAt ? (
      <Tooltip
        label={t('share.sharedAt', { date: formatDateTime(cycle.sharedAt, language, client.timezone) })}
      >
        {badge}
      </Tooltip>
    ) : (
      badge
    );
  }
  if (!can.share) return null;
  const confirm = () =>
    share.mutateAsync(
      { version: cycle.version },
      {
        onSuccess: () => notifySuccess(t('share.done', { client: client.name })),
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <ConfirmAction
      variant="light"
      leftSection={<IconShare size={18} aria-hidden />}
      title={t('share.title')}
      message={t('share.confirm', { client: client.name, month: formatMonthInText(cycle.month, language) })}
      confirmLabel={t('share.submit')}
      onConfirm={confirm}
      loading={share.isPending}
    >
      {t('share.button')}
    </ConfirmAction>
  );
}
