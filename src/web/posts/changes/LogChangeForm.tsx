import { Button, Group, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChangeKind,
  changeKinds,
  type LogChangeBody,
  type PostSummary,
} from '../../../shared/api/index.ts';
import { notifySuccess } from '../../lib/errors.ts';
import { useMe } from '../../lib/useMe.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { planKeys } from '../../planning/queries.ts';
import { useLogChange } from '../mutations.ts';
import { ContingencyPicker } from './ContingencyPicker.tsx';
import type { MonthContingency } from './changeLabels.ts';
import { checkPlace, initialPlace, type Place, PlaceFields, placeInstant } from './PlaceFields.tsx';
import { PostPicker } from './PostPicker.tsx';
import { initialReplacement, ReplacementFields } from './ReplacementFields.tsx';
import { checkRequest, initialRequest, RequesterFields } from './RequesterFields.tsx';
import { reportChangeError } from './reportChangeError.ts';
import { TopicFields } from './TopicFields.tsx';

const SHOWN = [
  'urgency',
  'requesterName',
  'reason',
  'title',
  'angle',
  'date',
  'time',
  'channelId',
  'format',
  'postId',
  'topicId',
  'contingencyId',
] as const;

interface Props {
  posts: PostSummary[];
  contingencies: MonthContingency[];
  onCancel: () => void;
  /** A situational post made a draft: the dialog offers to open it. */
  onCreated: (postId: string) => void;
  onLogged: () => void;
}

/** Log one unplanned change: the kind first, then what that kind needs, then who asked and why. */
export function LogChangeForm({ posts, contingencies, onCancel, onCreated, onLogged }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { cycle, client, channels } = usePlanData();
  const queryClient = useQueryClient();
  const log = useLogChange(cycle.id);
  const narrow = useMediaQuery('(max-width: 30em)');
  const [kind, setKind] = useState<ChangeKind>('situational');
  const [request, setRequest] = useState(initialRequest);
  const [topic, setTopic] = useState({ title: '', angle: '' });
  const [place, setPlace] = useState<Place>(() => initialPlace(cycle.month, client.timezone, channels));
  const [replacement, setReplacement] = useState(initialReplacement);
  const [rewritePostId, setRewritePostId] = useState<string | null>(null);
  const [contingencyId, setContingencyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Choosing the "what if" a situational post answers brings its concept, channel and format.
  const chooseContingency = (id: string | null) => {
    setContingencyId(id);
    const chosen = contingencies.find((c) => c.contingency.id === id)?.contingency;
    if (!chosen || kind !== 'situational') return;
    if (!topic.title.trim()) setTopic({ ...topic, title: chosen.concept.slice(0, 300) });
    if (chosen.channelId) {
      // Where the "what if" was meant to go; the date and time already chosen stay.
      const { channelId, format } = initialPlace(cycle.month, client.timezone, channels, chosen);
      setPlace((p) => ({ ...p, channelId, format }));
    }
  };

  const check = () => {
    const required = t('validation.required');
    const found = checkRequest(request, required, true);
    if (kind === 'situational') {
      if (!topic.title.trim()) found.title = required;
      Object.assign(found, checkPlace(place, required, t('changes.fields.timeInvalid')));
    } else if (kind === 'replacement') {
      if (!replacement.postId) found.postId = required;
      if (replacement.source === 'reserve' && !replacement.topicId) found.topicId = required;
      if (replacement.source === 'new' && !replacement.topic.title.trim()) found.title = required;
    } else if (!rewritePostId) found.postId = required;
    return found;
  };

  const body = (): LogChangeBody => {
    const common = {
      urgency: request.urgency,
      requesterSide: request.requesterSide,
      requesterName: request.requesterName.trim(),
      reason: request.reason.trim(),
      contingencyId,
    };
    if (kind === 'situational') {
      return {
        kind,
        ...common,
        topic: { title: topic.title.trim(), angle: topic.angle.trim() },
        startsAt: placeInstant(place, client.timezone),
        channelId: place.channelId ?? '',
        format: place.format ?? 'post',
      };
    }
    if (kind === 'replacement') {
      const fromReserve = replacement.source === 'reserve';
      return {
        kind,
        ...common,
        postId: replacement.postId ?? '',
        topicId: fromReserve ? replacement.topicId : null,
        topic: fromReserve
          ? null
          : { title: replacement.topic.title.trim(), angle: replacement.topic.angle.trim() },
      };
    }
    return { kind, ...common, postId: rewritePostId ?? '' };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    log.mutate(body(), {
      onSuccess: ({ postId }) => {
        // A replaced topic went back to the reserve; a reserve topic left it.
        if (kind === 'replacement')
          void queryClient.invalidateQueries({ queryKey: planKeys.reserveAll(client.id) });
        if (kind === 'situational' && postId) onCreated(postId);
        else {
          notifySuccess(t('changes.logged'));
          onLogged();
        }
      },
      onError: (error) => reportChangeError(error, t, SHOWN, setErrors, t('changes.errors.logConflict')),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Input.Wrapper label={t('changes.fields.kind')} labelElement="div">
          <SegmentedControl
            fullWidth
            orientation={narrow ? 'vertical' : 'horizontal'}
            aria-label={t('changes.fields.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v as ChangeKind);
              setErrors({});
            }}
            data={changeKinds.map((k) => ({ value: k, label: t(`changes.kinds.${k}`) }))}
          />
        </Input.Wrapper>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t(`changes.kindHints.${kind}`)}
        </Text>
        {kind === 'situational' && (
          <>
            <TopicFields value={topic} onChange={setTopic} errors={errors} />
            {channels.length === 0 ? (
              <Text size="sm" c="red">
                {t('changes.noChannels')}
              </Text>
            ) : (
              <PlaceFields
                value={place}
                onChange={setPlace}
                channels={channels}
                timezone={client.timezone}
                errors={errors}
              />
            )}
          </>
        )}
        {kind === 'replacement' && (
          <ReplacementFields value={replacement} onChange={setReplacement} posts={posts} errors={errors} />
        )}
        {kind === 'same_day_rewrite' && (
          <PostPicker
            posts={posts}
            value={rewritePostId}
            onChange={setRewritePostId}
            error={errors.postId}
            description={t('changes.fields.rewrittenPostHint')}
            timezone={client.timezone}
          />
        )}
        <RequesterFields
          value={request}
          onChange={setRequest}
          errors={errors}
          reasonRequired
          myName={me.user.name}
        />
        <ContingencyPicker
          contingencies={contingencies}
          value={contingencyId}
          onChange={chooseContingency}
          error={errors.contingencyId}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t('changes.logSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
