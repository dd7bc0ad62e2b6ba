/** English strings of the postEditor screens (the Ukrainian file has the same shape). */
export const postEditorEn = {
  title: '',
};
