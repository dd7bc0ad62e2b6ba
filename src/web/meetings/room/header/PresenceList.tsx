import { Avatar, Badge, Group, Popover, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { initials } from '../../../lib/format.ts';
import type { PresentPerson } from '../../../live/connection.ts';
import { clockTime, sideColor, sideLabel } from '../labels.ts';
import { useRoom } from '../RoomContext.tsx';
import classes from '../room.module.css';

const SHOWN = 5;

/**
 * Who is in the room, agency and client apart by colour. Who left is grey, dashed and struck
 * through (not faded: a faded avatar was 2:1), with the time in the list.
 */
export function PresenceList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { people, meeting, client } = useRoom();
  const here = people.filter((p) => p.state === 'online');
  const gone = people.filter((p) => p.state === 'gone');
  const present = new Set(people.map((p) => p.userId));
  const notYet = meeting.participants.filter((p) => !present.has(p.userId));
  const ordered = [...here, ...gone];
  const personLabel = (p: PresentPerson) =>
    p.state === 'online'
      ? t('meeting.presence.here', { name: p.name, side: sideLabel(p.side, t) })
      : t('meeting.presence.left', {
          name: p.name,
          side: sideLabel(p.side, t),
          time: clockTime(p.since, language, client.timezone),
        });

  const shownAvatars = ordered.slice(0, SHOWN);
  const overflow = ordered.length > SHOWN ? `+${ordered.length - SHOWN}` : null;
  // Label in name (WCAG 2.5.3): the name holds what the button shows, initials and count.
  const shown = [
    ...shownAvatars.map((p) => initials(p.name)),
    overflow,
    t('meeting.presence.count', { count: here.length }),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Popover position="bottom-end" withinPortal shadow="md" width={300}>
      <Popover.Target>
        <UnstyledButton aria-label={t('meeting.presence.label', { shown })}>
          <Group gap={6} wrap="nowrap">
            <Avatar.Group spacing={6}>
              {shownAvatars.map((p) => (
                <Tooltip key={p.userId} label={personLabel(p)} withinPortal>
                  <Avatar
                    size={32}
                    radius="xl"
                    color={p.state === 'gone' ? 'gray' : sideColor[p.side]}
                    variant={p.state === 'gone' ? 'default' : p.side === 'agency' ? 'filled' : 'light'}
                    className={p.state === 'gone' ? classes.gone : undefined}
                    styles={{ placeholder: { fontSize: 12 } }}
                    style={
                      p.side === 'client' && p.state !== 'gone'
                        ? { outline: '2px solid var(--mantine-color-teal-6)', outlineOffset: -2 }
                        : undefined
                    }
                  >
                    {initials(p.name)}
                    {/* A space as text: the name reads "МШ ІМ", not "МШІМ". */}{' '}
                  </Avatar>
                </Tooltip>
              ))}
              {overflow && (
                <Avatar size={32} radius="xl">
                  {overflow}{' '}
                </Avatar>
              )}
            </Avatar.Group>{' '}
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('meeting.presence.count', { count: here.length })}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('meeting.presence.title')}
          </Text>
          {people.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('meeting.presence.nobody')}
            </Text>
          )}
          {ordered.map((p) => (
            <Group key={p.userId} gap="xs" wrap="nowrap">
              <Badge
                size="xs"
                color={sideColor[p.side]}
                variant={p.side === 'agency' ? 'filled' : 'light'}
                tt="none"
              >
                {sideLabel(p.side, t)}
              </Badge>
              {/* The name with, under it, since when they are away (a narrow phone cut the name). */}
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text
                  size="sm"
                  c={p.state === 'gone' ? 'dimmed' : undefined}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {p.name}
                </Text>
                {p.state === 'gone' && (
                  <Text size="xs" c="dimmed">
                    {t('meeting.presence.leftAt', { time: clockTime(p.since, language, client.timezone) })}
                  </Text>
                )}
              </Stack>
            </Group>
          ))}
          {notYet.length > 0 && (
            <>
              <Text fw={600} size="sm" mt={4}>
                {t('meeting.presence.notYet')}
              </Text>
              {notYet.map((p) => (
                <Group key={p.userId} gap="xs" wrap="nowrap">
                  <Badge size="xs" color={sideColor[p.side]} variant="outline" tt="none">
                    {sideLabel(p.side, t)}
                  </Badge>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {p.name}
                  </Text>
                </Group>
              ))}
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
