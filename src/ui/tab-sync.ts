import { loadText, saveText, TEXT_KEY, type SaveResult } from '../state/persist';
import type { StudioStore } from '../state/store';
import type { TabChoices } from '../state/studio';
import { startTabBackup, type TabBackupOptions } from './tab-backup';

/**
 * What autosave asks before it writes the text, so one tab never silently overwrites another's; and the
 * person's ways out of a conflict (`TabChoices`, which the studio hands to the views).
 */
export interface TabSync extends TabChoices {
  /** False while another tab's newer text waits for the person's choice (and raises that choice if new). */
  mayWrite(text: string): boolean;
  /** Autosave wrote `text`: it is now the text this tab knows is stored. */
  saved(text: string): void;
  /** Autosave may not write `text` (mayWrite was false): keep it in this tab's backup (see `tab-backup.ts`). */
  keep(text: string): SaveResult;
  stop(): void;
}

/**
 * Watches the autosaved text for writes from other tabs (the `storage` event fires only in the others).
 * When another tab saves a text different from this one's, the store gets an `otherTab` choice: keep mine
 * (write this tab's text over it) or load theirs (one undoable replace in the editor). Meanwhile this tab's
 * text is kept in a backup of its own, offered at a later start if the tab is closed before the choice.
 */
export function startTabSync(
  store: StudioStore,
  target: EventTarget = window,
  backupOptions: TabBackupOptions = {},
): TabSync {
  const backup = startTabBackup(store, { target, ...backupOptions });
  // The stored text as this tab last read or wrote it; a different stored text came from elsewhere.
  let baseline = loadText();

  const offer = (theirs: string) => {
    const s = store.getState();
    if (theirs === s.text) {
      baseline = theirs;
      if (s.otherTab) s.setOtherTab(undefined);
      return;
    }
    if (s.otherTab?.text === theirs) return;
    s.setOtherTab({ text: theirs });
  };
  const keepMine = () => {
    const st = store.getState();
    if (!st.otherTab) return;
    const r = saveText(st.text);
    // Only a written text resolves the choice: on a full quota the notice (and with it this tab's backup
    // and the question on leaving) stays, so the text is not left in memory alone.
    if (!r.ok) return st.setStorageError(r.reason);
    baseline = st.text;
    if (st.storageError) st.setStorageError(undefined);
    st.setOtherTab(undefined);
  };
  const loadTheirs = () => {
    const st = store.getState();
    const theirs = st.otherTab?.text;
    if (theirs === undefined) return;
    st.setOtherTab(undefined);
    baseline = theirs;
    st.setText(theirs);
  };

  const onStorage = (e: Event) => {
    const key = 'key' in e ? e.key : undefined;
    const value = 'newValue' in e ? e.newValue : undefined;
    // `key` null means the other tab cleared all storage: nothing to offer.
    if (key !== TEXT_KEY || typeof value !== 'string') return;
    offer(value);
  };
  target.addEventListener('storage', onStorage);

  return {
    mayWrite(text) {
      if (store.getState().otherTab) return false;
      const stored = loadText();
      // A write we did not see an event for (another tab, a second window): ask before overwriting it.
      if (stored !== undefined && stored !== baseline && stored !== text) {
        offer(stored);
        return false;
      }
      return true;
    },
    saved(text) {
      baseline = text;
    },
    keep: backup.keep,
    keepMine,
    loadTheirs,
    openBackup: backup.openOffer,
    discardBackup: backup.discardOffer,
    stop() {
      backup.stop();
      target.removeEventListener('storage', onStorage);
    },
  };
}
