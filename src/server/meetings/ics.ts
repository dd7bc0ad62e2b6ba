import { escapeText, fold, paramValue } from '../exports/ics.ts';
import type { MeetingRow } from './load.ts';

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * An invitation a calendar app can add (RFC 5545, METHOD:REQUEST). The UID stays the same
 * and SEQUENCE follows the meeting's version, so a rescheduled meeting replaces the old entry.
 */
export function meetingIcs(input: {
  meeting: MeetingRow;
  title: string;
  description: string;
  link: string;
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
  cancelled?: boolean;
  now?: Date;
}): string {
  const { meeting } = input;
  const end = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  const where = meeting.format === 'offline' ? (meeting.place ?? '') : (meeting.callLink ?? input.link);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plit//Meeting//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.cancelled ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:meeting-${meeting.id}@plit`,
    `SEQUENCE:${meeting.version}`,
    `DTSTAMP:${utc(input.now ?? new Date())}`,
    `DTSTART:${utc(meeting.startsAt)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeText(input.title)}`,
    `DESCRIPTION:${escapeText(`${input.description}\n\n${input.link}`)}`,
    `LOCATION:${escapeText(where)}`,
    `URL:${input.link}`,
    `ORGANIZER;CN=${paramValue(input.organizer.name)}:mailto:${input.organizer.email}`,
    ...input.attendees.map(
      (a) => `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:${a.email}`,
    ),
    `STATUS:${input.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
