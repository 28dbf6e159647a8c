import { saveMeshComplete } from '../../state/persist';
import type { StudioState } from '../../state/store';
import { useStudio, useStudioStore } from '../store-context';
import './mesh-complete-setting.css';

const selectComplete = (s: StudioState) => s.meshComplete;

const TITLE =
  'Unticked, the text is read as part of a mesh: a Service, DestinationRule or Gateway it refers to but does not ' +
  'hold is shown as "not in this text" (info), since most repositories keep them in other files. Tick it when ' +
  'the text is everything that will be applied: such references are then errors.';

/** "This is the whole mesh": a way of reading the text, stored with the settings; nothing is written into the YAML. */
export function MeshCompleteSetting() {
  const store = useStudioStore();
  const complete = useStudio(selectComplete);
  const set = (value: boolean) => {
    store.getState().setMeshComplete(value);
    const saved = saveMeshComplete(value);
    if (!saved.ok) store.getState().setStorageError(saved.reason);
  };
  return (
    <label className="mesh-complete" title={TITLE}>
      <input
        type="checkbox"
        data-testid="mesh-complete"
        checked={complete}
        onChange={(e) => set(e.target.checked)}
      />
      This is the whole mesh
    </label>
  );
}
