// `npm run migrations:lock`: append new migrations to src/server/db/migrations.lock.json.
// It only appends: when a locked migration was edited it stops and says so, because the lock
// exists to catch exactly that (write a new migration instead).
import {
  appendOnlyViolations,
  lockFile,
  migrationsFolder,
  readLock,
  unlockedMigrations,
  writeLock,
} from '../src/server/db/migrationLock.ts';

const locked = readLock();
const problems = appendOnlyViolations(locked, migrationsFolder);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
const added = unlockedMigrations(locked, migrationsFolder);
if (added.length === 0) {
  console.log('migrations.lock.json is up to date.');
} else {
  writeLock([...locked, ...added], lockFile);
  console.log(`Locked ${added.map((m) => m.tag).join(', ')}.`);
}
