import type { StudioState } from '../state/store';
import { useStudio } from './store-context';

const selectOtherTab = (s: StudioState) => s.otherTab;

/**
 * Shown while another tab's saved text differs from this one's; stays until the person chooses. At the top of
 * the canvas, clear of the passing notice at the bottom.
 */
export function TabConflict() {
  const other = useStudio(selectOtherTab);
  if (!other) return null;
  return (
    <div
      className="notice notice-error tab-conflict"
      role="alert"
      data-testid="tab-conflict"
      style={{ top: 16, bottom: 'auto' }}
    >
      <span>Another tab changed the manifests. This tab stops autosaving until you choose.</span>
      <button type="button" data-testid="tab-keep-mine" onClick={other.keepMine}>
        Keep mine
      </button>
      <button type="button" data-testid="tab-load-theirs" onClick={other.loadTheirs}>
        Load theirs
      </button>
    </div>
  );
}
