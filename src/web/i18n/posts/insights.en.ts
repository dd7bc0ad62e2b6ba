/** English strings of the insights screens (the Ukrainian file has the same shape). */
export const insightsEn = {
  title: 'Insights',
};
