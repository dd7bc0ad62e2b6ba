import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostFull } from '../../../../shared/api/index.ts';
import { ApiError } from '../../../api/client.ts';
import { isStaleVersion } from '../../../lib/errors.ts';
import { useUpdatePost } from '../../mutations.ts';
import { postQuery } from '../../queries.ts';
import {
  changedFields,
  type FieldName,
  type FieldProblem,
  type FieldsForm,
  fieldNames,
  fieldsFromForm,
  fieldsOf,
  formOf,
  type PostFields,
  sameField,
} from './fieldsForm.ts';

/** A pause in typing this long saves. */
const AUTOSAVE_MS = 900;

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Someone else saved a field the writer has changed too: theirs is shown, nothing is lost. */
export interface FieldsConflict {
  names: FieldName[];
  theirs: PostFields;
}

/**
 * The post's fields as the writer edits them: saved after a pause or on leaving a field, with
 * the version they build on. Changes from others (live updates, a status move) reach the
 * inputs the writer has not touched; a field both changed is a conflict the writer settles,
 * keeping their text in the input until they do.
 */
export function usePostFields(data: PostFull, editable: boolean) {
  const queryClient = useQueryClient();
  const update = useUpdatePost(data.post.id);
  // The mutation object is new on every render; saving must not be (it is an effect's cleanup).
  const mutate = useRef(update.mutateAsync);
  mutate.current = update.mutateAsync;
  const timeZone = data.client.timezone;

  const [form, setFormState] = useState<FieldsForm>(() => formOf(fieldsOf(data.post), timeZone));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [conflict, setConflictState] = useState<FieldsConflict | null>(null);
  const [problems, setProblems] = useState<Partial<Record<FieldName, FieldProblem>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);

  const formRef = useRef(form);
  const base = useRef({ version: data.post.version, fields: fieldsOf(data.post) });
  const conflictRef = useRef<FieldsConflict | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ data, editable });
  latest.current = { data, editable };

  const setForm = useCallback((next: FieldsForm) => {
    formRef.current = next;
    setFormState(next);
  }, []);
  const setConflict = useCallback((next: FieldsConflict | null) => {
    conflictRef.current = next;
    setConflictState(next);
  }, []);

  const edited = useCallback(
    () => fieldsFromForm(formRef.current, timeZone, base.current.fields),
    [timeZone],
  );

  /**
   * Takes in what the server has now. Fields the writer left alone follow the server; a field
   * both sides changed differently is a conflict.
   */
  const reconcile = useCallback(
    (post: PostFull['post']): 'same' | 'rebased' | 'conflict' => {
      const theirs = fieldsOf(post);
      const mine = edited().fields;
      const was = base.current.fields;
      if (post.version === base.current.version) return 'same';
      const clashing: FieldName[] = [];
      const next: FieldsForm = { ...formRef.current };
      let adoptedAny = false;
      const adopted = formOf(theirs, timeZone);
      for (const name of fieldNames) {
        if (sameField(name, was, theirs)) continue;
        const untouched = sameField(name, was, mine);
        if (untouched || sameField(name, mine, theirs)) {
          adoptedAny = true;
          if (name === 'publishAt') {
            next.date = adopted.date;
            next.time = adopted.time;
          } else {
            Object.assign(next, { [name]: adopted[name] });
          }
        } else {
          clashing.push(name);
        }
      }
      if (clashing.length) {
        setConflict({ names: clashing, theirs });
        return 'conflict';
      }
      base.current = { version: post.version, fields: theirs };
      if (adoptedAny) setForm(next);
      return 'rebased';
    },
    [edited, setConflict, setForm, timeZone],
  );

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inflight.current) {
      again.current = true;
      return inflight.current;
    }
    if (conflictRef.current || !latest.current.editable) return;
    const { fields, problems: found } = edited();
    setProblems(found);
    const changes = changedFields(base.current.fields, fields);
    if (Object.keys(changes).length === 0) return;
    const sent = formRef.current;
    setSaveState('saving');
    const run = (async () => {
      try {
        const result = await mutate.current({ version: base.current.version, ...changes });
        base.current = { version: result.post.version, fields: fieldsOf(result.post) };
        // The server tidies what it keeps ("#coffee" → "coffee"): show that, unless typing went on.
        if (formRef.current === sent) setForm(formOf(base.current.fields, timeZone));
        setServerErrors({});
        setFailure(null);
        setSaveState('saved');
      } catch (error) {
        if (isStaleVersion(error)) {
          const fresh = await queryClient
            .fetchQuery({ ...postQuery(latest.current.data.post.id), staleTime: 0 })
            .catch(() => null);
          if (fresh && reconcile(fresh.post) === 'rebased') again.current = true;
          setSaveState('idle');
        } else if (error instanceof ApiError && error.code === 'validation_failed') {
          setServerErrors(fieldMessages(error.fields));
          setSaveState('failed');
        } else {
          setFailure(error);
          setSaveState('failed');
        }
      } finally {
        inflight.current = null;
        if (again.current) {
          again.current = false;
          void save();
        }
      }
    })();
    inflight.current = run;
    return run;
  }, [edited, queryClient, reconcile, setForm, timeZone]);

  // Refetched posts (live updates, a status move, an upload) reach the inputs only when safe.
  // biome-ignore lint/correctness/useExhaustiveDependencies: saveState re-runs it after a save
  useEffect(() => {
    if (inflight.current || conflictRef.current) return;
    reconcile(data.post);
  }, [data.post, reconcile, saveState]);

  const change = useCallback(
    (patch: Partial<FieldsForm>, options: { now?: boolean } = {}) => {
      setForm({ ...formRef.current, ...patch });
      setSaveState('idle');
      clearTimeout(timer.current);
      if (options.now) void save();
      else timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [save, setForm],
  );

  // A hidden or closed tab, or leaving the page inside the app, saves what is pending.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }, [save]);
  useEffect(() => () => void save(), [save]);

  /** "Save again": the writer's values over the newer version. */
  const keepMine = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    const post = latest.current.data.post;
    base.current = { version: post.version, fields: fieldsOf(post) };
    setConflict(null);
    void save();
  }, [save, setConflict]);

  /** "Use theirs": the inputs take what the other person saved. */
  const takeTheirs = useCallback(() => {
    const post = latest.current.data.post;
    base.current = { version: post.version, fields: fieldsOf(post) };
    setForm(formOf(base.current.fields, timeZone));
    setConflict(null);
  }, [setConflict, setForm, timeZone]);

  return {
    form,
    change,
    /** Save now (leaving a field). */
    flush: save,
    saveState,
    conflict,
    problems,
    serverErrors,
    failure,
    keepMine,
    takeTheirs,
  };
}

/** "hashtags.2": "A hashtag is letters…" → per field. */
function fieldMessages(fields: Record<string, string>): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = path.split('.')[0] as FieldName;
    if (fieldNames.includes(name) && !out[name]) out[name] = message;
  }
  return out;
}
