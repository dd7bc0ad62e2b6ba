import { describe, expect, it } from 'vitest';
import { ideasOfThisMeeting } from '../../src/web/meetings/room/labels.ts';

describe('[17.7] the wrap-up counts the ideas this meeting brought, each once', () => {
  it('[17.7] a reserve topic from an earlier meeting, pulled into this plan, is not a new idea', () => {
    const startedAt = '2026-12-08T09:00:00.000Z';
    const topics = [
      { id: 'a', source: 'meeting' as const, createdAt: '2026-12-08T09:20:00.000Z' },
      { id: 'b', source: 'meeting' as const, createdAt: '2026-12-08T09:35:00.000Z' },
      // Put forward in October's meeting, parked, pulled back into this plan today.
      { id: 'c', source: 'meeting' as const, createdAt: '2026-10-23T10:00:00.000Z' },
      { id: 'd', source: 'agency' as const, createdAt: '2026-12-08T09:40:00.000Z' },
    ];
    expect(ideasOfThisMeeting(topics, startedAt).map((t) => t.id)).toEqual(['a', 'b']);
    expect(ideasOfThisMeeting(topics, null)).toEqual([]);
  });
});
