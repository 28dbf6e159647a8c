import type { StudioState } from '../../state/store';
import { useSettledDerived, useStudio } from '../store-context';
import { MeshCompleteSetting } from './mesh-complete-setting';

const selectStorageError = (s: StudioState) => s.storageError;

export function StatusBar() {
  const d = useSettledDerived();
  const storageError = useStudio(selectStorageError);
  const errors = d.diagnostics.filter((x) => x.severity === 'error').length;
  const warnings = d.diagnostics.filter((x) => x.severity === 'warning').length;
  const others = d.model.others.length;
  return (
    <footer className="status-bar">
      <span data-testid="yaml-status" className={errors ? 'status-errors' : 'status-valid'}>
        {errors === 0 ? 'valid' : `${errors} error${errors > 1 ? 's' : ''}`}
      </span>
      {warnings > 0 && (
        <span className="status-warnings">
          {warnings} warning{warnings > 1 ? 's' : ''}
        </span>
      )}
      <span>
        {d.model.resources.length} resources
        {others > 0 && (
          <span title={d.model.others.map((o) => `${o.kind} ${o.namespace}/${o.name}`).join('\n')}>
            {' '}
            ({others} kept as-is: {[...new Set(d.model.others.map((o) => o.kind || '(no kind)'))].join(', ')})
          </span>
        )}
      </span>
      <span>
        {d.graph.nodes.length} nodes · {d.graph.edges.length} edges
      </span>
      <MeshCompleteSetting />
      {storageError && (
        <span className="status-errors" role="alert">
          Autosave failed: {storageError.replace(/\.+$/, '')}. Export your work.
        </span>
      )}
    </footer>
  );
}
