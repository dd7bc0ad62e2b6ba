import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { ApiError } from '../../api/client.ts';
import { isStaleVersion } from '../../lib/errors.ts';
import { useMe } from '../../lib/useMe.ts';
import { patchFactItem, saveFactDraft, useSubmitFactAnswer } from '../answerMutations.ts';
import { factRequestQuery } from '../queries.ts';
import {
  type AnswerForm,
  type AnswerProblem,
  answerFrom,
  answerKey,
  draftFor,
  formFrom,
  problemOf,
  problemOfField,
  workingAnswer,
} from './answerForm.ts';

/** A pause in typing this long saves the draft. */
export const AUTOSAVE_MS = 800;

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** What the version the inputs build on says; a newer one from someone else is a conflict. */
interface Base {
  version: number;
  key: string;
}

/**
 * One item's answer as the client edits it: the inputs, autosave of the draft (after a
 * pause, on leaving a field, when the tab is hidden or closed), submitting, and what to do
 * when another contact changed the same answer meanwhile. Refetches (live updates) never
 * overwrite what the person is typing.
 */
export function useItemAnswer(requestId: string, item: FactItemFull, editable: boolean) {
  const queryClient = useQueryClient();
  const me = useMe();
  const submitMutation = useSubmitFactAnswer(requestId);

  const [form, setFormState] = useState<AnswerForm>(() => formFrom(workingAnswer(item)));
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const [serverMessage, setServerMessage] = useState<string | null>(null);

  const formRef = useRef(form);
  const dirtyRef = useRef(false);
  const conflictRef = useRef(false);
  const itemRef = useRef(item);
  itemRef.current = item;
  const editableRef = useRef(editable);
  editableRef.current = editable;
  const base = useRef<Base>({ version: item.answerVersion, key: answerKey(workingAnswer(item)) });
  /** What this tab sent last: finding it on the server is no conflict, whatever the version. */
  const lastSent = useRef<string | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const markDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  }, []);

  /** Take the server's state into the inputs (nothing typed is lost: only when not dirty). */
  const adopt = useCallback((fresh: FactItemFull) => {
    const next = formFrom(workingAnswer(fresh));
    formRef.current = next;
    setFormState(next);
    base.current = { version: fresh.answerVersion, key: answerKey(workingAnswer(fresh)) };
    dirtyRef.current = false;
    setDirty(false);
    conflictRef.current = false;
    setConflict(false);
  }, []);

  /** Compare the server's item with what the inputs build on. */
  const reconcile = useCallback(
    (fresh: FactItemFull): 'same' | 'rebased' | 'adopted' | 'conflict' => {
      const key = answerKey(workingAnswer(fresh));
      if (fresh.answerVersion === base.current.version && key === base.current.key) return 'same';
      if (!dirtyRef.current) {
        adopt(fresh);
        return 'adopted';
      }
      // Only the status moved (a follow-up, a file), or it is what we sent: keep typing on it.
      if (key === base.current.key || (lastSent.current !== null && key === lastSent.current)) {
        base.current = { version: fresh.answerVersion, key };
        return 'rebased';
      }
      conflictRef.current = true;
      setConflict(true);
      return 'conflict';
    },
    [adopt],
  );

  const save = useCallback(
    async (options: { leaving?: boolean } = {}): Promise<boolean> => {
      clearTimeout(timer.current);
      if (inflight.current) {
        again.current = true;
        return inflight.current;
      }
      if (!dirtyRef.current || conflictRef.current || !editableRef.current) return true;
      const sentForm = formRef.current;
      const current = itemRef.current;
      const draft = draftFor(current.kind, sentForm, current.answer);
      const sentKey = answerKey(draft ?? current.answer);
      lastSent.current = sentKey;
      setSaveState('saving');
      const run = (async () => {
        try {
          const saved = await saveFactDraft(
            current.id,
            { answer: draft, answerVersion: base.current.version },
            options,
          );
          base.current = { version: saved.answerVersion, key: sentKey };
          patchFactItem(queryClient, requestId, current.id, {
            answerVersion: saved.answerVersion,
            draft,
            draftAt: saved.draftAt,
            draftBy: draft ? { id: me.user.id, name: me.user.name } : null,
          });
          if (formRef.current === sentForm) markDirty(false);
          setSaveState('saved');
          return true;
        } catch (error) {
          if (isStaleVersion(error)) {
            // Someone else saved in between: fetch their version and compare.
            const page = await queryClient
              .fetchQuery({ ...factRequestQuery(requestId), staleTime: 0 })
              .catch(() => null);
            const fresh = page?.request.items.find((i) => i.id === current.id);
            if (fresh && reconcile(fresh) === 'rebased') again.current = true;
            setSaveState(conflictRef.current ? 'idle' : 'failed');
          } else if (error instanceof ApiError && error.status === 409) {
            // Accepted meanwhile: the page shows it read-only once refetched.
            void queryClient.invalidateQueries({ queryKey: factRequestQuery(requestId).queryKey });
            setSaveState('idle');
          } else {
            setSaveState('failed');
          }
          return false;
        } finally {
          inflight.current = null;
          if (again.current) {
            again.current = false;
            if (dirtyRef.current && !conflictRef.current) void save();
          }
        }
      })();
      inflight.current = run;
      return run;
    },
    [queryClient, requestId, me.user.id, me.user.name, reconcile, markDirty],
  );

  // Refetched data (live updates, another contact's answer) reaches the inputs only when safe;
  // a finished save (saveState) looks again at what arrived while it was in flight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: saveState re-runs it on purpose
  useEffect(() => {
    if (inflight.current) return;
    reconcile(item);
  }, [item, reconcile, saveState]);

  const setForm = useCallback(
    (change: Partial<AnswerForm>) => {
      const next = { ...formRef.current, ...change };
      formRef.current = next;
      setFormState(next);
      markDirty(true);
      setProblem(null);
      setServerMessage(null);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [save, markDirty],
  );

  // A hidden tab (switching to the camera, locking the phone) or a closed one keeps the draft.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void save({ leaving: true });
    };
    const onPageHide = () => void save({ leaving: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [save]);

  // Leaving the page inside the app saves what is pending too.
  useEffect(() => () => void save({ leaving: true }), [save]);

  /** "Load their version": the inputs take what the other person saved. */
  const takeTheirs = useCallback(() => adopt(itemRef.current), [adopt]);
  /** "Keep mine": save what is in the inputs over the other person's version. */
  const keepMine = useCallback(() => {
    const fresh = itemRef.current;
    base.current = { version: fresh.answerVersion, key: answerKey(workingAnswer(fresh)) };
    conflictRef.current = false;
    setConflict(false);
    markDirty(true);
    void save();
  }, [save, markDirty]);

  /** Sends the answer; true when the agency has it now. Other failures are thrown. */
  const submit = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (inflight.current) await inflight.current;
    if (conflictRef.current) return false;
    const current = itemRef.current;
    const answer = answerFrom(current.kind, formRef.current);
    const found = problemOf(answer, current.files.length, current.choices);
    if (found) {
      setProblem(found);
      // Not sendable yet, but what is there (a "not available" switch) is kept as a draft.
      void save();
      return false;
    }
    setProblem(null);
    setServerMessage(null);
    const sentForm = formRef.current;
    const send = async () => {
      const { request } = await submitMutation.mutateAsync({
        itemId: current.id,
        answer,
        answerVersion: base.current.version,
      });
      const fresh = request.items.find((i) => i.id === current.id);
      if (fresh && formRef.current === sentForm) adopt(fresh);
      else if (fresh) base.current = { version: fresh.answerVersion, key: answerKey(workingAnswer(fresh)) };
      setSaveState('idle');
      return true;
    };
    try {
      return await send();
    } catch (error) {
      if (isStaleVersion(error)) {
        // Someone changed the item meanwhile: only if the answer itself is as we saw it, send again.
        markDirty(true);
        const page = await queryClient
          .fetchQuery({ ...factRequestQuery(requestId), staleTime: 0 })
          .catch(() => null);
        const fresh = page?.request.items.find((i) => i.id === current.id);
        if (fresh && reconcile(fresh) === 'rebased' && fresh.status !== 'accepted') return send();
        return false;
      }
      if (error instanceof ApiError && error.code === 'validation_failed') {
        const field = Object.keys(error.fields).find((f) => problemOfField[f]);
        if (field) setProblem(problemOfField[field] ?? null);
        else setServerMessage(Object.values(error.fields)[0] ?? error.message);
        return false;
      }
      // Accepted meanwhile: the refusal is said (by the caller), and the page shows the accepted answer.
      if (error instanceof ApiError && error.code === 'fact_item_accepted') {
        void queryClient.invalidateQueries({ queryKey: factRequestQuery(requestId).queryKey });
      }
      throw error;
    }
  }, [adopt, queryClient, reconcile, requestId, submitMutation, markDirty, save]);

  return {
    form,
    setForm,
    dirty,
    saveState,
    conflict,
    problem,
    serverMessage,
    submitting: submitMutation.isPending,
    /** Save now (leaving a field). */
    flush: () => void save(),
    retrySave: () => void save(),
    submit,
    takeTheirs,
    keepMine,
  };
}
