import type { PostProcessorModule } from 'i18next';
import { unnestQuotes } from '../../shared/quotes.ts';

/**
 * Every translated text passes through this, so a value with its own «» (a topic «Старт продажів
 * «Ефіопії Гуджі»» in «{{title}}») takes „“ inside and the reader never sees «« »».
 */
export const quotesPostProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: 'unnestQuotes',
  process: (value: string) => unnestQuotes(value),
};
