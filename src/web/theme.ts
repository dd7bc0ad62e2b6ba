import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Shade 8 everywhere keeps white text on filled buttons (indigo, red) above 4.5:1;
 * dimmed and error text are darkened for the same reason.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  components: {
    Modal: { defaultProps: { overlayProps: { backgroundOpacity: 0.45 } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
