import { Button } from '@mantine/core';
import { IconArrowRight, IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactRequestFull } from '../../../shared/api/index.ts';
import { localParts } from '../../../shared/time.ts';
import { contactsQuery } from '../../clients/queries.ts';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useMe } from '../../lib/useMe.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { cycleFactRequestQuery } from '../queries.ts';
import { DraftView } from './DraftView.tsx';
import { type FactData, FactProvider } from './FactContext.tsx';
import { FactReviewView } from './FactReviewView.tsx';

/**
 * Stage 3 from the agency's side: the drafted request to shape and send, then the client's
 * answers to accept or follow up, topic by topic, until every topic is ready for content.
 */
export function FactsTab() {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const me = useMe();
  const request = useQuery(cycleFactRequestQuery(cycle.id));

  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  if (request.isPending) return <LoadingState rows={4} height={88} />;
  if (!request.data) {
    // Before and during the meeting the request is still to come; later, this month had none.
    const coming = cycle.stage === 'preparation' || cycle.stage === 'meeting';
    return (
      <EmptyBlock
        icon={<IconListDetails />}
        title={coming ? t('factReview.emptyTitle') : t('factReview.emptyPastTitle')}
        description={
          !coming
            ? t('factReview.emptyPast')
            : me.agency
              ? t('factReview.emptyAgency')
              : t('factReview.emptyClient')
        }
        action={
          me.agency && coming ? (
            <Button
              variant="light"
              rightSection={<IconArrowRight size={16} aria-hidden />}
              renderRoot={(props) => (
                <Link
                  to="/cycles/$cycleId"
                  params={{ cycleId: cycle.id }}
                  search={{ tab: 'meeting' }}
                  {...props}
                />
              )}
            >
              {t('factReview.toMeeting')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  return <FactsLoaded request={request.data} />;
}

function FactsLoaded({ request }: { request: FactRequestFull }) {
  const { client, cycle } = usePlanData();
  const me = useMe();
  // Who the items are for, and who gets the email; a list that fails to load only hides names.
  const contacts = useQuery(contactsQuery(client.id));
  const isAgency = Boolean(me.agency);
  const value = useMemo<FactData>(() => {
    const list = contacts.data?.contacts ?? [];
    const open = cycle.stage !== 'closed' && !client.archived && request.status !== 'draft';
    return {
      request,
      contacts: list,
      contactById: new Map(list.map((c) => [c.userId, c])),
      today: localParts(new Date(), client.timezone).date,
      canTalk: open && (isAgency || request.abilities.answer),
      isAgency,
    };
  }, [request, contacts.data, client, cycle.stage, isAgency]);
  return (
    <FactProvider value={value}>
      {request.status === 'draft' ? <DraftView /> : <FactReviewView />}
    </FactProvider>
  );
}
