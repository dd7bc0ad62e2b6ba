import type { Shape } from '../shape.ts';
import type { postReviewEn } from './postReview.en.ts';

export const postReviewUk: Shape<typeof postReviewEn> = {
  title: '',
};
