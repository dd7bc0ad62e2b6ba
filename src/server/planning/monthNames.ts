/** "Грудень 2026" / "December 2026" for a month "2026-12". */
export function monthName(month: string, language: 'uk' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
  return `${name.charAt(0).toLocaleUpperCase(language)}${name.slice(1)} ${y}`;
}
