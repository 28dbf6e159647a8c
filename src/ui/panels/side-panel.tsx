import type { StudioState } from '../../state/store';
import { useStudio, useStudioStore } from '../store-context';
import { Inspector } from './inspector/inspector';
import { SimulatorPanel } from './simulator/simulator-panel';

const selectPanel = (s: StudioState) => s.sidePanel;

/** The right-hand tools: inspector and request simulator. */
export function SidePanel() {
  const panel = useStudio(selectPanel);
  const store = useStudioStore();
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'inspector'}
          onClick={() => store.getState().showPanel('inspector')}
        >
          Inspector
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'simulator'}
          data-testid="simulator-open"
          onClick={() => store.getState().showPanel('simulator')}
        >
          Simulator
        </button>
      </div>
      <div className="content">{panel === 'inspector' ? <Inspector /> : <SimulatorPanel />}</div>
    </aside>
  );
}
