import { useEffect } from 'react';
import { redo, undo } from './editor/bridge';

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y) outside Monaco share Monaco's undo history. */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('.monaco-host')) return; // Monaco handles its own keys.
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        if (undo()) e.preventDefault();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        if (redo()) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
