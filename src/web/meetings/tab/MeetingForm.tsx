import {
  Alert,
  Button,
  Divider,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlame } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Cycle, Meeting } from '../../../shared/api/index.ts';
import type { MeetingFormat } from '../../../shared/roles.ts';
import { localParts } from '../../../shared/time.ts';
import { ApiError } from '../../api/client.ts';
import { contactsQuery } from '../../clients/queries.ts';
import { DateField } from '../../components/dates/DateField.tsx';
import { TimeField } from '../../components/dates/TimeField.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { isStaleVersion, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { timeZoneOffset } from '../../lib/format.ts';
import { changedFields, useEditBase } from '../../lib/useEditBase.ts';
import { useMe } from '../../lib/useMe.ts';
import { membersQuery } from '../../settings/queries.ts';
import { durationOptions, zoneLabel } from './duration.ts';
import { type MeetingInput, useScheduleMeeting, useUpdateMeeting } from './meetingTabMutations.ts';
import { ParticipantsPicker } from './ParticipantsPicker.tsx';

interface Props {
  cycle: Cycle;
  client: Client;
  /** Reschedule this meeting; without it, schedule a new one. */
  meeting?: Meeting;
  onDone: () => void;
  onCancel?: () => void;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const fields = ['date', 'time', 'durationMinutes', 'callLink', 'place', 'voteBudget', 'participantIds'];

function isLink(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** When, how and with whom: the schedule form, and the reschedule form of an existing meeting. */
export function MeetingForm({ cycle, client, meeting, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const members = useQuery({ ...membersQuery, enabled: Boolean(me.agency) });
  const contacts = useQuery(contactsQuery(client.id));
  const schedule = useScheduleMeeting(cycle.id);
  const update = useUpdateMeeting(cycle.id, meeting?.id);
  const { stale, versionForSave, markStale } = useEditBase(meeting?.version ?? 0);

  const today = localParts(new Date(), client.timezone).date;
  const suggested =
    cycle.deadlines.meeting && cycle.deadlines.meeting >= today ? cycle.deadlines.meeting : today;
  const [initial] = useState<MeetingInput>(() => ({
    date: meeting?.date ?? suggested,
    time: meeting?.time ?? '10:00',
    durationMinutes: meeting?.durationMinutes ?? 90,
    callLink: meeting?.callLink ?? null,
    place: meeting?.place ?? null,
    voteBudget: meeting?.voteBudget ?? 3,
    participantIds: meeting?.participants.map((p) => p.userId) ?? [],
  }));
  const [format, setFormat] = useState<MeetingFormat>(meeting?.format ?? 'online');
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof MeetingInput>(key: K, value: MeetingInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  // A new meeting invites the person scheduling it and every contact of the client, once known.
  const contactIds = contacts.data?.contacts.map((c) => c.userId);
  const [preselected, setPreselected] = useState(Boolean(meeting));
  if (!preselected && contactIds) {
    setPreselected(true);
    setValues((v) => ({
      ...v,
      participantIds: [...new Set([...v.participantIds, me.user.id, ...contactIds])],
    }));
  }

  const async = format === 'async';
  const zone = zoneLabel(client.timezone, timeZoneOffset(client.timezone, language));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.date) found.date = t('validation.required');
    if (!TIME.test(values.time)) found.time = t('schedule.timeInvalid');
    const link = values.callLink?.trim() || null;
    const place = values.place?.trim() || null;
    if (format === 'online' && link && !isLink(link)) found.callLink = t('meetingSetup.callLinkInvalid');
    if (format === 'offline' && !place) found.place = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: MeetingInput = {
      ...values,
      callLink: format === 'online' ? link : null,
      place: format === 'offline' ? place : null,
    };
    const onError = (error: unknown) => {
      if (isStaleVersion(error)) markStale();
      else if (error instanceof ApiError && error.code === 'meeting_exists') {
        notifications.show({ color: 'red', title: t('errors.title'), message: t('meetingSetup.exists') });
        onDone();
      } else reportFormError(error, t, fields, setErrors);
    };
    if (meeting) {
      update.mutate(
        { ...changedFields(initial, body), version: versionForSave() },
        {
          onSuccess: () => {
            notifySuccess(t('meetingSetup.rescheduled'));
            onDone();
          },
          onError,
        },
      );
    } else {
      schedule.mutate(
        { ...body, format },
        {
          onSuccess: () => {
            notifySuccess(async ? t('meetingSetup.scheduledAsync') : t('meetingSetup.scheduled'));
            onDone();
          },
          onError,
        },
      );
    }
  };

  const people = (list: { userId: string; name: string; email: string }[] | undefined) =>
    list?.map(({ userId, name, email }) => ({ userId, name, email }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && meeting && (
          <StaleVersionAlert
            current={t('meetingSetup.whenValue', {
              date: formatLocalDate(meeting.date, language),
              time: meeting.time,
            })}
          />
        )}
        {!meeting && (
          <Radio.Group
            label={t('meetingSetup.format')}
            value={format}
            onChange={(v) => setFormat(v as MeetingFormat)}
          >
            <Stack gap="xs" mt={6}>
              <Group gap="lg">
                <Radio value="online" label={t('meetingSetup.formats.online')} />
                <Radio value="offline" label={t('meetingSetup.formats.offline')} />
              </Group>
              <Divider />
              <Radio
                value="async"
                color="orange"
                label={
                  <Text size="sm" c="dimmed" component="span">
                    {t('meetingSetup.formats.async')}
                  </Text>
                }
              />
            </Stack>
          </Radio.Group>
        )}
        {async && (
          <Alert color="orange" variant="light" icon={<IconFlame />} title={t('meetingSetup.fireTitle')}>
            {t('meetingSetup.fireBody')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={async ? t('meetingSetup.deadline') : t('meetingSetup.date')}
            value={values.date}
            minDate={today}
            onChange={(value) => set('date', value)}
            error={errors.date}
            required
          />
          <TimeField
            label={t('meetingSetup.time')}
            description={t('meetingSetup.timeHint', { zone })}
            value={values.time}
            onChange={(value) => set('time', value)}
            error={errors.time}
            required
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        {!async && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('meetingSetup.duration')}
              data={durationOptions(values.durationMinutes, t)}
              value={String(values.durationMinutes)}
              onChange={(v) => v && set('durationMinutes', Number(v))}
              allowDeselect={false}
              error={errors.durationMinutes}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('meetingSetup.voteBudget')}
              description={t('meetingSetup.voteBudgetHint')}
              value={values.voteBudget}
              onChange={(v) => set('voteBudget', typeof v === 'number' ? v : 0)}
              min={0}
              max={20}
              clampBehavior="strict"
              allowDecimal={false}
              error={errors.voteBudget}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
        )}
        {format === 'online' && (
          <TextInput
            type="url"
            label={t('meetingSetup.callLink')}
            description={t('meetingSetup.callLinkHint')}
            placeholder="https://"
            value={values.callLink ?? ''}
            onChange={(e) => set('callLink', e.currentTarget.value)}
            error={errors.callLink}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        )}
        {format === 'offline' && (
          <TextInput
            label={t('meetingSetup.place')}
            description={t('meetingSetup.placeHint')}
            value={values.place ?? ''}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={errors.place}
            required
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        )}
        <ParticipantsPicker
          agency={me.agency ? people(members.data) : []}
          client={people(contacts.data?.contacts)}
          value={values.participantIds}
          onChange={(ids) => set('participantIds', ids)}
          description={async ? t('meetingSetup.participantsHintAsync') : t('meetingSetup.participantsHint')}
          error={errors.participantIds}
        />
        <Group justify="flex-end" mt="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={schedule.isPending || update.isPending}>
            {stale
              ? t('stale.saveAgain')
              : meeting
                ? t('meetingSetup.rescheduleSubmit')
                : async
                  ? t('meetingSetup.submitAsync')
                  : t('meetingSetup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
