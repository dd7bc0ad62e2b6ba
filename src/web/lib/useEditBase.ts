import { useState } from 'react';

/**
 * Live updates refresh what a form edits while it is open, so the form keeps the version it
 * was opened with. A newer one is a conflict the person sees (the newer value, "Save
 * again") before their save can replace it; it never silently wins or loses.
 */
export function useEditBase(currentVersion: number) {
  const [base] = useState(currentVersion);
  const [stale, setStale] = useState(false);
  // Only fields the person changed are sent, so "Save again" keeps the other person's edits
  // to the fields left alone.
  const changedMeanwhile = currentVersion !== base;
  return {
    /** Show the newer saved value and offer to save again. */
    stale: stale || changedMeanwhile,
    /**
     * The version to save with. Once the newer value shows (a 409, or a live change while the
     * form was open), "Save again" saves over the newest version.
     */
    versionForSave: (): number => (stale || changedMeanwhile ? currentVersion : base),
    /** A save answered 409 stale_version. */
    markStale: () => setStale(true),
  };
}

/** The fields of `edited` that differ from `initial` (arrays compared by value). */
export function changedFields<T extends object>(initial: T, edited: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(initial[key])) out[key] = edited[key];
  }
  return out;
}
