/**
 * Caret colours: blues and violets for the agency, greens and teals for the client, so a
 * glance tells the sides apart; within a side the person's name picks one. The white name
 * label reads above 4.5:1 on each (Mantine's shade 9; the green one step darker).
 */
const palettes = {
  agency: ['#364fc7', '#5f3dc4', '#1864ab', '#862e9c'],
  client: ['#087f5b', '#2b7a3e', '#0b7285'],
} as const;

export function caretColor(side: 'agency' | 'client', name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  const palette = palettes[side];
  return palette[hash % palette.length]!;
}
