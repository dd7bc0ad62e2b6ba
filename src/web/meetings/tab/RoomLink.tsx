import { Button, type ButtonProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A button that opens the meeting's live room. */
export function RoomLink({
  meetingId,
  children,
  ...button
}: ButtonProps & { meetingId: string; children: ReactNode }) {
  return (
    <Button
      {...button}
      renderRoot={(props) => <Link to="/meetings/$meetingId" params={{ meetingId }} {...props} />}
    >
      {children}
    </Button>
  );
}
