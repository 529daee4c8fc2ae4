// A note is saved as it is typed (after a short pause, and at once when the field is
// left or closed): there is no "save" button and nothing waits in this window's memory.
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { status: 'idle' | 'saving' | 'saved' } | { status: 'error'; message: string };

const PAUSE_MS = 500;

export function useAutosave(
  initial: string,
  save: (value: string) => Promise<string | null>,
  canSave: (value: string) => boolean = () => true,
): { draft: string; setDraft: (value: string) => void; flush: () => void; state: SaveState } {
  const [draft, setDraftState] = useState(initial);
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const saved = useRef(initial);
  const pending = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  const canSaveRef = useRef(canSave);
  useEffect(() => {
    saveRef.current = save;
    canSaveRef.current = canSave;
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const value = pending.current;
    pending.current = null;
    if (value === null || value === saved.current || !canSaveRef.current(value)) return;
    if (mounted.current) setState({ status: 'saving' });
    void saveRef.current(value).then((problem) => {
      if (!problem) saved.current = value;
      if (mounted.current) setState(problem ? { status: 'error', message: problem } : { status: 'saved' });
    });
  }, []);

  const setDraft = useCallback(
    (value: string) => {
      setDraftState(value);
      pending.current = value;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, PAUSE_MS);
    },
    [flush],
  );

  // Leaving (closing the editor, navigating away) saves what was typed.
  useEffect(() => flush, [flush]);

  return { draft, setDraft, flush, state };
}
