import { describe, expect, it } from 'vitest';
import { placementOf } from '../../src/shared/placement.ts';

const instagram = '00000000-0000-4000-8000-000000000001';
const telegram = '00000000-0000-4000-8000-000000000002';

describe('placementOf: where a placed topic goes out', () => {
  it("[18.1] a placed topic goes out on its slot's channel and format, flagged when it was meant for others", () => {
    const slot = { channelId: telegram, format: 'post' as const };
    expect(placementOf({ channelId: instagram, format: 'reel' }, slot)).toEqual({
      channelId: telegram,
      format: 'post',
      channelDiffers: true,
      formatDiffers: true,
      differs: true,
    });
    expect(placementOf({ channelId: telegram, format: 'text' }, slot)).toMatchObject({
      channelDiffers: false,
      formatDiffers: true,
      differs: true,
    });
    expect(placementOf({ channelId: telegram, format: 'post' }, slot).differs).toBe(false);
    // A topic that named nothing takes whatever its slot has: nothing to flag.
    expect(placementOf({ channelId: null, format: null }, slot)).toMatchObject({
      channelId: telegram,
      format: 'post',
      differs: false,
    });
  });
});
