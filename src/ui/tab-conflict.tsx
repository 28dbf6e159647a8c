import type { StudioState } from '../state/store';
import { useStudio, useStudioInstance } from './store-context';

const selectOtherTab = (s: StudioState) => s.otherTab;
// `.notice button` drops borders (for the × close); these two are real choices.
const BUTTON = { border: '1px solid var(--border)' };

/**
 * Shown while another tab's saved text differs from this one's; stays until the person chooses. At the top of
 * the canvas (below its filter bar), clear of the passing notice at the bottom.
 */
export function TabConflict() {
  const other = useStudio(selectOtherTab);
  const { tabs } = useStudioInstance();
  if (!other) return null;
  return (
    <div
      className="notice notice-error tab-conflict"
      role="alert"
      data-testid="tab-conflict"
      style={{ top: 44, bottom: 'auto', maxWidth: 'none', whiteSpace: 'nowrap' }}
    >
      <span title="This tab does not autosave until you choose.">Another tab changed the manifests:</span>
      <button type="button" style={BUTTON} data-testid="tab-keep-mine" onClick={tabs.keepMine}>
        Keep mine
      </button>
      <button type="button" style={BUTTON} data-testid="tab-load-theirs" onClick={tabs.loadTheirs}>
        Load theirs
      </button>
    </div>
  );
}
