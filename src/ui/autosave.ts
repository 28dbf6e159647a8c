import { savePositions, saveText } from '../state/persist';
import type { StudioStore } from '../state/store';

const DELAY_MS = 300;

/** Saves text and positions shortly after they change, and at once when the page is hidden. */
export function startAutosave(store: StudioStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const s = store.getState();
    const a = saveText(s.text);
    const b = savePositions(s.positions);
    const err = !a.ok ? a.reason : !b.ok ? b.reason : undefined;
    if (err !== s.storageError) s.setStorageError(err);
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.text === prev.text && s.positions === prev.positions) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DELAY_MS);
  });
  const onHide = () => {
    if (timer) {
      clearTimeout(timer);
      flush();
    }
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsub();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
