import { Button, Stack, UnstyledButton } from '@mantine/core';
import { IconLayoutSidebarRightCollapse, IconNotes } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NotesEditor } from '../NotesEditor.tsx';
import { useRoom } from './RoomContext.tsx';

interface Props {
  open: boolean;
  /** Wide screens fold the notes away to give the discussion room. */
  onToggle?: () => void;
}

/** The meeting's shared notes: everyone types at once; read-only for whoever may not contribute. */
export function NotesPanel({ open, onToggle }: Props) {
  const { t } = useTranslation();
  const { meeting, me, can } = useRoom();
  if (!open) {
    return (
      <UnstyledButton
        onClick={onToggle}
        aria-label={t('meeting.notes.show')}
        title={t('meeting.notes.show')}
        p={8}
        h="100%"
        style={{ borderRadius: 'var(--mantine-radius-md)', background: 'var(--mantine-color-body)' }}
      >
        <Stack align="center" gap={8}>
          <IconNotes size={20} aria-hidden />
          <span style={{ writingMode: 'vertical-rl', fontWeight: 600 }}>{t('meeting.tabs.notes')}</span>
        </Stack>
      </UnstyledButton>
    );
  }
  return (
    <Stack gap="xs">
      {onToggle && (
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          onClick={onToggle}
          leftSection={<IconLayoutSidebarRightCollapse size={16} aria-hidden />}
          style={{ alignSelf: 'flex-end' }}
        >
          {t('meeting.notes.hide')}
        </Button>
      )}
      <NotesEditor meetingId={meeting.id} userName={me.name} side={me.side} readOnly={!can.contribute} />
    </Stack>
  );
}
