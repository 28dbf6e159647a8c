import type { StudioState } from '../../state/store';
import { loadExportBody } from '../dialogs/lazy-bodies';
import { useStudio, useStudioInstance } from '../store-context';
import { NamespaceSetting } from './namespace-setting';
import { CompareButton } from '../compare/compare-lazy';

const selectDialog = (s: StudioState) => s.dialog;
// The undo history changes with the text (typing, canvas edits, undo itself all change it), so the buttons
// are re-read whenever the text changes.
const selectText = (s: StudioState) => s.text;

export function Toolbar({ onHelp }: { onHelp: () => void }) {
  const studio = useStudioInstance();
  const store = studio.store;
  const dialog = useStudio(selectDialog);
  useStudio(selectText);
  const canUndo = studio.editor.canUndo();
  const canRedo = studio.editor.canRedo();
  const open = (d: StudioState['dialog']) => store.getState().openDialog(dialog === d ? undefined : d);
  return (
    <header className="toolbar" role="toolbar" aria-label="Main">
      <span className="brand">Istio Traffic Studio</span>
      <button type="button" data-testid="examples-open" onClick={() => open('examples')} aria-haspopup="menu">
        Examples ▾
      </button>
      <button type="button" data-testid="import-open" onClick={() => open('import')}>
        Import…
      </button>
      <button
        type="button"
        data-testid="export-open"
        onPointerEnter={() => void loadExportBody()}
        onFocus={() => void loadExportBody()}
        onClick={() => open('export')}
      >
        Export…
      </button>
      <CompareButton />
      <span className="sep" />
      <NamespaceSetting />
      <button
        type="button"
        data-testid="undo"
        onClick={() => studio.undo()}
        disabled={!canUndo}
        title={canUndo ? 'Undo (Ctrl+Z)' : 'Nothing to undo'}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        data-testid="redo"
        onClick={() => studio.redo()}
        disabled={!canRedo}
        title={canRedo ? 'Redo (Ctrl+Shift+Z)' : 'Nothing to redo'}
      >
        ↷ Redo
      </button>
      <button
        type="button"
        data-testid="auto-layout"
        onClick={() => store.getState().clearPositions()}
        title="Lay the graph out again"
      >
        Auto layout
      </button>
      <button
        type="button"
        data-testid="shortcuts-open"
        onClick={onHelp}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
    </header>
  );
}
