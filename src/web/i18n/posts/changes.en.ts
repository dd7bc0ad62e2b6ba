/** English strings of the changes screens (the Ukrainian file has the same shape). */
export const changesEn = {
  title: '',
};
