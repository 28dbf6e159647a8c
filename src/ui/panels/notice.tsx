import { useEffect } from 'react';
import type { StudioState } from '../../state/store';
import { useStudio, useStudioStore } from '../store-context';

const selectNotice = (s: StudioState) => s.notice;

/** A dismissable message for actions that could not be done; fades after a few seconds. */
export function Notice() {
  const notice = useStudio(selectNotice);
  const store = useStudioStore();
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.getState().dismissNotice(), 6000);
    return () => clearTimeout(t);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role="status" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" onClick={() => store.getState().dismissNotice()} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
