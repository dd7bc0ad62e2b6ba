import { Blockquote, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Contingency } from '../../../shared/api/index.ts';
import { meQuery } from '../../auth/queries.ts';
import { useActivateContingency } from '../mutations.ts';
import { checkPlace, initialPlace, PlaceFields, placeInstant } from './PlaceFields.tsx';
import { PostCreated } from './PostCreated.tsx';
import { checkRequest, initialRequest, RequesterFields } from './RequesterFields.tsx';
import { reportChangeError } from './reportChangeError.ts';

/** What activation needs to know about the month; the plan page and the meeting room both have it. */
export interface ActivationMonth {
  cycleId: string;
  month: string;
  timezone: string;
  channels: Channel[];
}

interface Props extends ActivationMonth {
  contingency: Contingency | null;
  /** The client plan it was prepared for, to remind what happened. */
  planTitle?: string;
  onClose: () => void;
}

/** Turn a prepared "what if" into a slot and a draft post, logged as a covered situational post. */
export function ActivateContingencyModal({ contingency, planTitle, onClose, ...month }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [created, setCreated] = useState<string | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={contingency !== null}
      onClose={close}
      title={created ? t('changes.created.title') : t('changes.activate.title')}
      size="lg"
      fullScreen={phone}
      centered
    >
      {contingency &&
        (created ? (
          <PostCreated postId={created} message={t('changes.created.activated')} onClose={close} />
        ) : (
          <ActivateForm
            contingency={contingency}
            planTitle={planTitle}
            month={month}
            onCancel={close}
            onCreated={setCreated}
          />
        ))}
    </Modal>
  );
}

const SHOWN = ['date', 'time', 'channelId', 'format', 'urgency', 'requesterName', 'reason'] as const;

function ActivateForm({
  contingency,
  planTitle,
  month,
  onCancel,
  onCreated,
}: {
  contingency: Contingency;
  planTitle?: string;
  month: ActivationMonth;
  onCancel: () => void;
  onCreated: (postId: string) => void;
}) {
  const { t } = useTranslation();
  // Not useMe: the meeting room lives outside the app's layout route that carries it.
  const me = useQuery(meQuery);
  const activate = useActivateContingency(month.cycleId);
  const [place, setPlace] = useState(() =>
    initialPlace(month.month, month.timezone, month.channels, contingency),
  );
  const [request, setRequest] = useState(initialRequest);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required = t('validation.required');
    const found = {
      ...checkPlace(place, required, t('changes.fields.timeInvalid')),
      ...checkRequest(request, required, false),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    activate.mutate(
      {
        contingencyId: contingency.id,
        startsAt: placeInstant(place, month.timezone),
        channelId: place.channelId,
        format: place.format,
        urgency: request.urgency,
        requesterSide: request.requesterSide,
        requesterName: request.requesterName.trim(),
        reason: request.reason.trim(),
      },
      {
        onSuccess: ({ postId }) => (postId ? onCreated(postId) : onCancel()),
        onError: (error) =>
          reportChangeError(error, t, SHOWN, setErrors, t('changes.errors.activateConflict')),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('changes.activate.hint')}
        </Text>
        <Blockquote
          p="sm"
          color="grape"
          cite={planTitle ? t('changes.activate.forPlan', { title: planTitle }) : undefined}
        >
          <Text size="sm" className="pre-wrap">
            {contingency.concept}
          </Text>
          {contingency.trigger && (
            <Text size="xs" c="dimmed" mt={4} className="pre-wrap">
              {t('changes.activate.when', { trigger: contingency.trigger })}
            </Text>
          )}
        </Blockquote>
        {month.channels.length === 0 ? (
          <Text size="sm" c="red">
            {t('changes.noChannels')}
          </Text>
        ) : (
          <PlaceFields
            value={place}
            onChange={setPlace}
            channels={month.channels}
            timezone={month.timezone}
            errors={errors}
          />
        )}
        <RequesterFields
          value={request}
          onChange={setRequest}
          errors={errors}
          reasonRequired={false}
          myName={me.data?.user.name ?? ''}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={activate.isPending} disabled={month.channels.length === 0}>
            {t('changes.activate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
