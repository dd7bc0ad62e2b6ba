import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/web/i18n/en.ts';
import { uk } from '../../src/web/i18n/uk.ts';
import type { LiveStatus } from '../../src/web/live/connection.ts';

const show = vi.fn();
vi.mock('@mantine/notifications', () => ({ notifications: { show } }));
const { noticeWhenOutdated } = await import('../../src/web/live/OutdatedNotice.tsx');

/** A connection whose status the test sets. */
function fakeConnection(status: LiveStatus) {
  const listeners = new Set<() => void>();
  return {
    getStatus: () => status,
    onStatus: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: LiveStatus) {
      status = next;
      for (const listener of listeners) listener();
    },
  };
}

beforeEach(() => show.mockClear());

describe('the reload notice', () => {
  it('[V2] appears when the connection turns out outdated, and stays until the page is reloaded', () => {
    const connection = fakeConnection('online');
    noticeWhenOutdated(connection);
    connection.set('reconnecting');
    expect(show).not.toHaveBeenCalled();
    connection.set('outdated');
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0]![0]).toMatchObject({
      id: 'plit-updated',
      autoClose: false,
      withCloseButton: false,
    });
  });

  it('[V2] a screen mounted after the fact shows it too (the same notice: one id)', () => {
    const connection = fakeConnection('outdated');
    const stop = noticeWhenOutdated(connection);
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ id: 'plit-updated' }));
    stop();
    connection.set('outdated');
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('[V2] is worded in both languages', () => {
    expect(en.live.updated).toBe('Plit has been updated. Reload the page to carry on.');
    expect(uk.live.updated).toBe('Plit оновлено. Перезавантажте сторінку, щоб продовжити.');
    expect([en.live.reload, uk.live.reload]).toEqual(['Reload', 'Перезавантажити']);
  });
});
