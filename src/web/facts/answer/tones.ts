/**
 * "Needs your attention" is filled and dark enough for white text (5.5:1); Mantine's
 * orange shades are too light for that.
 */
export const ATTENTION_COLOR = '#b34700';
