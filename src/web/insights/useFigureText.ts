import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonthInText } from '../lib/dates.ts';
import { type FigureKey, figureDefs } from './figures.ts';

/** A figure's name, how it is computed, and the words of the link to what is behind it. */
export function useFigureText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return {
    label: (key: FigureKey) => t(`insights.figures.${key}.label`),
    how: (key: FigureKey) => t(`insights.figures.${key}.how`),
    open: (key: FigureKey, month: string) =>
      t(`insights.open.${figureDefs[key].tab ?? 'cycle'}`, { month: formatMonthInText(month, language) }),
    openMeeting: (month: string) => t('insights.open.meeting', { month: formatMonthInText(month, language) }),
  };
}
