/** English strings of the postReview screens (the Ukrainian file has the same shape). */
export const postReviewEn = {
  title: '',
};
