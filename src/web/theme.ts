import { type CSSVariablesResolver, createTheme, darken, type MantineTheme } from '@mantine/core';

/**
 * The theme is built per language (see Providers). Shade 8 everywhere keeps white text on filled buttons (indigo, red) above 4.5:1;
 * dimmed and error text are darkened for the same reason.
 */
export const createAppTheme = (closeLabel: string) =>
  createTheme({
    primaryColor: 'indigo',
    colors: {
      // The "approve" buttons: Mantine's teal, with shade 8 (what a filled button shows) the dark
      // teal 9 and its hover darker still. Teal 8 under white is 3.9:1, so teal 9 hovered (which
      // Mantine shows as teal 8) failed contrast under the pointer.
      approve: [
        '#e6fcf5',
        '#c3fae8',
        '#96f2d7',
        '#63e6be',
        '#38d9a9',
        '#20c997',
        '#12b886',
        '#0ca678',
        '#087f5b',
        '#066649',
      ],
    },
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    fontFamily:
      'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
    headings: { fontWeight: '650' },
    focusRing: 'auto',
    components: {
      // Mantine's close buttons are icon-only; they need a name in the current language.
      Modal: {
        defaultProps: {
          overlayProps: { backgroundOpacity: 0.45 },
          closeButtonProps: { 'aria-label': closeLabel },
        },
      },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    },
  });

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Darkens a hex colour in steps until it reads at 4.6:1 on the given background. */
function readableOn(color: string, background: string): string {
  let value = color;
  for (let amount = 0.1; contrast(value, background) < 4.6 && amount < 0.8; amount += 0.1) {
    const rgb = darken(color, amount).match(/\d+/g)?.slice(0, 3).map(Number) ?? [0, 0, 0];
    value = `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  }
  return value;
}

/**
 * Light variants (badges, alerts, the active nav link) get the palest background and a text
 * colour dark enough for it, also when hovered: Mantine's defaults fall just under 4.5:1. Outline
 * variants get a text colour that reads on a table's striped or hovered rows (teal 8 there: 3.5:1).
 */
function lightVariants(t: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    variables[`--mantine-color-${name}-light`] = shades[0];
    variables[`--mantine-color-${name}-light-hover`] = shades[1];
    variables[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[1]);
    // Outline badges and buttons write in shade 8, often on a striped or hovered row (gray 1).
    variables[`--mantine-color-${name}-outline`] = readableOn(shades[8], t.colors.gray[1]);
  }
  return variables;
}

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    ...lightVariants(t),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
