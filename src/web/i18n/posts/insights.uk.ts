import type { Shape } from '../shape.ts';
import type { insightsEn } from './insights.en.ts';

export const insightsUk: Shape<typeof insightsEn> = {
  title: 'Аналітика',
};
