import { savePositions, saveText } from '../state/persist';
import type { StudioStore } from '../state/store';
import type { TabSync } from './tab-sync';
import { dropSnapshots, recordSnapshot } from './compare/snapshots';

const DELAY_MS = 300;
/** Texts from this size (a big paste) are saved after a longer pause; leaving the page still saves at once. */
const BIG_TEXT_DELAY_FROM = 150_000;
const BIG_DELAY_MS = 2000;

/**
 * Saves text and positions shortly after they change, and at once when the page is hidden. With a tab sync,
 * the text is not written while another tab's newer text waits for the person's choice (it goes to this tab's
 * backup instead).
 */
export function startAutosave(store: StudioStore, sync?: TabSync): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const s = store.getState();
    const mayWrite = sync ? sync.mayWrite(s.text) : true;
    // Not ours to write: the text goes to this tab's backup instead, so closing the tab loses nothing.
    let a = mayWrite ? saveText(s.text) : (sync?.keep(s.text) ?? { ok: true as const });
    // The text comes first: when storage is full, the comparison snapshots give up their room.
    if (mayWrite && !a.ok && dropSnapshots()) a = saveText(s.text);
    if (mayWrite && a.ok) sync?.saved(s.text);
    // The last few saved texts, with times, are bases a comparison can start from.
    if (mayWrite && a.ok) recordSnapshot(s.text);
    const b = savePositions(s.positions);
    const err = !a.ok ? a.reason : !b.ok ? b.reason : undefined;
    if (err !== s.storageError) s.setStorageError(err);
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.text === prev.text && s.positions === prev.positions) return;
    if (timer) clearTimeout(timer);
    // Writing a megabyte to localStorage holds the main thread for tens of ms: not while a big paste draws.
    timer = setTimeout(flush, s.text.length >= BIG_TEXT_DELAY_FROM ? BIG_DELAY_MS : DELAY_MS);
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
