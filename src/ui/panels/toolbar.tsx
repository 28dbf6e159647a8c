import type { StudioState } from '../../state/store';
import { loadExportBody } from '../dialogs/lazy-bodies';
import { useStudio, useStudioInstance } from '../store-context';
import { NamespaceSetting } from './namespace-setting';

const selectDialog = (s: StudioState) => s.dialog;

export function Toolbar() {
  const studio = useStudioInstance();
  const store = studio.store;
  const dialog = useStudio(selectDialog);
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
      <span className="sep" />
      <NamespaceSetting />
      <button type="button" data-testid="undo" onClick={() => studio.undo()} title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button type="button" data-testid="redo" onClick={() => studio.redo()} title="Redo (Ctrl+Shift+Z)">
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
    </header>
  );
}
