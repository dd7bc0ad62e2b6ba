import type { Shape } from '../shape.ts';
import type { changesEn } from './changes.en.ts';

export const changesUk: Shape<typeof changesEn> = {
  title: '',
};
