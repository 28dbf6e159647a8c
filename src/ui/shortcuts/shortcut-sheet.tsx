import { useEffect } from 'react';
import { Dialog } from '../dialogs/dialog';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Every key the app answers to, as the person presses them; keep in step with the handlers named here. */
export const SHORTCUTS: readonly { keys: string[][]; what: string }[] = [
  { keys: [['Delete'], ['Backspace']], what: 'Delete the selected node or edge (canvas)' },
  { keys: [[MOD, 'Z']], what: 'Undo (canvas, forms and editor share one history)' },
  {
    keys: [
      [MOD, 'Shift', 'Z'],
      [MOD, 'Y'],
    ],
    what: 'Redo',
  },
  { keys: [['/']], what: 'Search the canvas (the filter bar’s search box)' },
  { keys: [[MOD, 'F']], what: 'Find in the YAML (in the editor)' },
  { keys: [['F']], what: 'Fit the graph in view (canvas)' },
  { keys: [['Space', 'drag'], ['Scroll']], what: 'Pan the canvas; Ctrl+scroll or pinch zooms' },
  { keys: [['?']], what: 'This list' },
];

function typing(t: EventTarget | null): boolean {
  return (
    t instanceof Element &&
    t.closest('input, textarea, select, [contenteditable="true"], .monaco-host, dialog') !== null
  );
}

/**
 * `?` opens the sheet and `/` goes to the canvas search, anywhere but where the person types (Monaco, fields).
 * (Delete, undo and F have their own handlers: canvas.tsx, use-global-keys.ts.)
 */
export function useShortcutKey(toggle: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        toggle();
      } else if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-testid="filter-search"]');
        if (!search) return;
        e.preventDefault();
        search.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
}

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet">
      <div>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <td>
                  {s.keys.map((combo, i) => (
                    <span key={i}>
                      {i > 0 && ' or '}
                      {combo.map((k, j) => (
                        <span key={j}>
                          {j > 0 && '+'}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
