import type { Format } from './roles.ts';

/**
 * Where a placed topic actually goes out. A topic may carry an intended channel and format (the
 * idea was "an Instagram reel"), but once it sits in a slot the slot decides: the schedule, the
 * calendar feed and the client's deck all publish it on the slot's channel in the slot's format.
 * This is the one rule for that, so the deck and the plan cannot tell two different stories.
 */
export interface Placement {
  channelId: string;
  format: Format;
  /** The topic named a channel and the slot is on another one. */
  channelDiffers: boolean;
  /** The topic named a format and the slot has another one. */
  formatDiffers: boolean;
  /** Either of the above: the plan flags it ("will go out as a Telegram post"). */
  differs: boolean;
}

export function placementOf(
  topic: { channelId: string | null; format: Format | null },
  slot: { channelId: string; format: Format },
): Placement {
  // A topic without an intention (no channel or no format) takes whatever its slot has: no conflict.
  const channelDiffers = topic.channelId !== null && topic.channelId !== slot.channelId;
  const formatDiffers = topic.format !== null && topic.format !== slot.format;
  return {
    channelId: slot.channelId,
    format: slot.format,
    channelDiffers,
    formatDiffers,
    differs: channelDiffers || formatDiffers,
  };
}
