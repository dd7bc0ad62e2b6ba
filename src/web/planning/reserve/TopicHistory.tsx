import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage, i18n } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { formatDate } from '../../lib/format.ts';
import { topicHistoryQuery } from '../queries.ts';

/** Which monthly plans a topic passed through, and how it left each one. */
export function TopicHistory({ topicId, timezone }: { topicId: string; timezone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const history = useQuery(topicHistoryQuery(topicId));
  if (history.isPending) return <LoadingState rows={1} height={24} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reserve.historyEmpty')}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4} aria-label={t('reserve.history')}>
      {history.data.map((pass) => {
        const leftAsKey = `reserve.leftAs.${pass.leftAs}`;
        const leftAs =
          pass.leftAs && i18n.exists(leftAsKey) ? t(leftAsKey as 'reserve.leftAs.parked') : pass.leftAs;
        return (
          <List.Item key={`${pass.cycleId}-${pass.enteredAt}`}>
            <Anchor
              size="sm"
              renderRoot={(props) => (
                <Link to="/cycles/$cycleId" params={{ cycleId: pass.cycleId }} {...props} />
              )}
            >
              {formatMonth(pass.month, language)}
            </Anchor>
            {': '}
            {pass.leftAt
              ? t('reserve.passLeft', {
                  from: formatDate(pass.enteredAt, language, timezone),
                  to: formatDate(pass.leftAt, language, timezone),
                  how: leftAs ?? '',
                })
              : t('reserve.passOpen', { from: formatDate(pass.enteredAt, language, timezone) })}
          </List.Item>
        );
      })}
    </List>
  );
}
