/** Month names live with every other document format (exports/locale.ts); kept here for its callers. */
export { monthName } from '../exports/locale.ts';
