import { readFileSync } from 'node:fs';

/** Plit's version, from package.json: the API's `version` and every backup's manifest say it. */
export const plitVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
