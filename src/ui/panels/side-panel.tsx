import { Suspense, lazy, useEffect } from 'react';
import type { StudioState } from '../../state/store';
import { useStudio, useStudioStore } from '../store-context';
import { useCompare } from '../compare/compare-context';
import { ChangesPanel, loadChangesPanel } from '../compare/compare-lazy';
import type { CompareState } from '../compare/compare-store';

// The tools load on demand, so the first screen's JavaScript stays small; once the page is idle all are fetched,
// and hovering a tab fetches its tool at once, so switching never waits in practice.
const loadInspector = () => import('./inspector/inspector');
const loadSimulator = () => import('./simulator/simulator-panel');
const Inspector = lazy(() => loadInspector().then((m) => ({ default: m.Inspector })));
const SimulatorPanel = lazy(() => loadSimulator().then((m) => ({ default: m.SimulatorPanel })));
const loadEnvoy = () => import('./envoy/envoy-panel');
const EnvoyPanel = lazy(() => loadEnvoy().then((m) => ({ default: m.EnvoyPanel })));

function usePreloadWhenIdle() {
  useEffect(() => {
    const preload = () => {
      void loadInspector();
      void loadSimulator();
      void loadEnvoy();
    };
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(preload, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(preload, 500);
    return () => clearTimeout(id);
  }, []);
}

const selectPanel = (s: StudioState) => s.sidePanel;
const selectComparing = (s: CompareState) => s.base !== undefined;

/** The right-hand tools: inspector, request simulator, and what Envoy would see. */
export function SidePanel() {
  const panel = useStudio(selectPanel);
  const store = useStudioStore();
  // The changes tab is there only while comparing (a closed comparison leaves no empty tool behind).
  const comparing = useCompare(selectComparing);
  usePreloadWhenIdle();
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'inspector'}
          onPointerEnter={() => void loadInspector()}
          onClick={() => store.getState().showPanel('inspector')}
        >
          Inspector
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'simulator'}
          data-testid="simulator-open"
          onPointerEnter={() => void loadSimulator()}
          onClick={() => store.getState().showPanel('simulator')}
        >
          Simulator
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={panel === 'envoy'}
          data-testid="envoy-open"
          onPointerEnter={() => void loadEnvoy()}
          onClick={() => store.getState().showPanel('envoy')}
        >
          Envoy
        </button>
        {comparing && (
          <button
            type="button"
            role="tab"
            aria-selected={panel === 'changes'}
            data-testid="changes-open"
            onPointerEnter={() => void loadChangesPanel()}
            onClick={() => store.getState().showPanel('changes')}
          >
            Changes
          </button>
        )}
      </div>
      <div className="content">
        <Suspense fallback={<p className="loading">Loading…</p>}>
          {panel === 'inspector' ? (
            <Inspector />
          ) : panel === 'simulator' ? (
            <SimulatorPanel />
          ) : panel === 'changes' && comparing ? (
            <ChangesPanel />
          ) : panel === 'envoy' ? (
            <EnvoyPanel />
          ) : (
            <Inspector />
          )}
        </Suspense>
      </div>
    </aside>
  );
}
