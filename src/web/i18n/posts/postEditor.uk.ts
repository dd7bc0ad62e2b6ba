import type { Shape } from '../shape.ts';
import type { postEditorEn } from './postEditor.en.ts';

export const postEditorUk: Shape<typeof postEditorEn> = {
  title: '',
};
