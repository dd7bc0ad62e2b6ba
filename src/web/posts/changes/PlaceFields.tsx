import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/api/index.ts';
import type { Format } from '../../../shared/roles.ts';
import { daysOfMonth, localParts, zonedInstant } from '../../../shared/time.ts';
import { DateField } from '../../components/dates/DateField.tsx';
import { TimeField } from '../../components/dates/TimeField.tsx';
import { channelFormats, formatLabel } from '../../lib/channelLabels.ts';
import { channelName } from '../../planning/PlanContext.tsx';

/** Where and when a new post goes: the client's local date and time, a channel and its format. */
export interface Place {
  date: string;
  time: string;
  channelId: string | null;
  format: Format | null;
}

/**
 * A sensible start: today in the client's zone when it falls in the month (an unplanned post is
 * usually wanted now), otherwise the month's first day; the channel and format given, or the first.
 */
export function initialPlace(
  month: string,
  timezone: string,
  channels: Channel[],
  preferred?: { channelId: string | null; format: Format | null },
): Place {
  const today = localParts(new Date(), timezone).date;
  const date = daysOfMonth(month).includes(today) ? today : `${month}-01`;
  const channel = channels.find((c) => c.id === preferred?.channelId) ?? channels[0];
  const format =
    preferred?.format && channelFormats(channel).includes(preferred.format)
      ? preferred.format
      : (channelFormats(channel)[0] ?? null);
  return { date, time: '10:00', channelId: channel?.id ?? null, format };
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Messages for what is missing, keyed like the inputs. */
export function checkPlace(place: Place, required: string, badTime: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!place.date) found.date = required;
  if (!timePattern.test(place.time)) found.time = badTime;
  if (!place.channelId) found.channelId = required;
  if (!place.format) found.format = required;
  return found;
}

/** The instant the server stores: the local time read in the client's zone, not the browser's. */
export const placeInstant = (place: Place, timezone: string) =>
  zonedInstant(place.date, place.time, timezone).toISOString();

interface Props {
  value: Place;
  onChange: (place: Place) => void;
  channels: Channel[];
  timezone: string;
  errors: Record<string, string | undefined>;
}

export function PlaceFields({ value, onChange, channels, timezone, errors }: Props) {
  const { t } = useTranslation();
  const channel = channels.find((c) => c.id === value.channelId);
  const chooseChannel = (id: string | null) => {
    const next = channels.find((c) => c.id === id);
    // Keep the format when the new channel publishes it too.
    const format =
      next && value.format && channelFormats(next).includes(value.format)
        ? value.format
        : (channelFormats(next)[0] ?? null);
    onChange({ ...value, channelId: id, format });
  };
  return (
    <>
      <SimpleGrid cols={2} spacing="sm" style={{ alignItems: 'end' }}>
        <DateField
          label={t('changes.fields.date')}
          value={value.date}
          onChange={(date) => onChange({ ...value, date })}
          error={errors.date}
          required
        />
        <TimeField
          label={t('changes.fields.time')}
          description={t('changes.fields.timeHint', { zone: timezone.replaceAll('_', ' ') })}
          value={value.time}
          onChange={(time) => onChange({ ...value, time })}
          error={errors.time}
          required
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('changes.fields.channel')}
          data={channels.map((c) => ({ value: c.id, label: channelName(c, t) }))}
          value={value.channelId}
          onChange={chooseChannel}
          allowDeselect={false}
          error={errors.channelId}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('changes.fields.format')}
          data={channelFormats(channel, value.format ?? undefined).map((f) => ({
            value: f,
            label: formatLabel(f, t),
          }))}
          value={value.format}
          onChange={(v) => onChange({ ...value, format: v as Format | null })}
          allowDeselect={false}
          error={errors.format}
          required
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
    </>
  );
}
