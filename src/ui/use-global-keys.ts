import { useEffect } from 'react';
import { useStudioInstance } from './store-context';

// Inputs whose own Ctrl+Z undoes typing; a slider, checkbox or button has none, and after a slider drag the
// person's Ctrl+Z means the drag (focus stays on the slider).
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

function hasOwnUndo(t: Element | null): boolean {
  const field = t?.closest('input, textarea, select, [contenteditable="true"]');
  if (!field) return false;
  return !(field instanceof HTMLInputElement) || TEXT_INPUTS.has(field.type);
}

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y) outside Monaco share Monaco's undo history. */
export function useGlobalKeys(): void {
  const studio = useStudioInstance();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('.monaco-host')) return; // Monaco handles its own keys.
      if (hasOwnUndo(target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        if (studio.undo()) e.preventDefault();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        if (studio.redo()) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [studio]);
}
