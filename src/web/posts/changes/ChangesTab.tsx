import { Button, Grid, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionHeader } from '../../components/SectionHeader.tsx';
import { useMe } from '../../lib/useMe.ts';
import { clientPlansQuery } from '../../meetings/queries.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { changeListQuery, postListQuery } from '../queries.ts';
import { ChangeCounts } from './ChangeCounts.tsx';
import { ChangeList } from './ChangeList.tsx';
import { isDuringTheMonth, monthContingencies } from './changeLabels.ts';
import { LogChangeModal } from './LogChangeModal.tsx';
import { MonthContingencies } from './MonthContingencies.tsx';

/**
 * The month's unplanned changes: what came outside the plan and whether a "what if" covered it.
 * Both sides read it; the agency's managers log changes and activate contingencies here.
 */
export function ChangesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { cycle, can } = usePlanData();
  const changes = useQuery(changeListQuery(cycle.id));
  const plans = useQuery(clientPlansQuery(cycle.id));
  const posts = useQuery(postListQuery(cycle.id));
  const [logging, setLogging] = useState(false);
  // Planning abilities are the managers' (owners, content managers) while the month is open.
  const canLog = Boolean(me.agency) && can.editPlan && isDuringTheMonth(cycle.stage);

  const failed = [changes, plans].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!changes.data || !plans.data) return <LoadingState rows={3} height={96} />;

  const contingencies = monthContingencies(plans.data, changes.data);
  const logButton = canLog ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setLogging(true)}>
      {t('changes.log')}
    </Button>
  ) : undefined;

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('changes.title')}
        description={
          canLog
            ? t('changes.intro')
            : can.editPlan && !isDuringTheMonth(cycle.stage)
              ? t('changes.notYet')
              : t('changes.introReadOnly')
        }
        actions={changes.data.length > 0 ? logButton : undefined}
      />
      {changes.data.length > 0 && <ChangeCounts changes={changes.data} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ChangeList changes={changes.data} posts={posts.data?.posts ?? []} action={logButton} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <MonthContingencies items={contingencies} canActivate={canLog} />
        </Grid.Col>
      </Grid>
      {canLog && (
        <LogChangeModal
          opened={logging}
          onClose={() => setLogging(false)}
          posts={posts.data?.posts ?? []}
          contingencies={contingencies}
        />
      )}
    </Stack>
  );
}
