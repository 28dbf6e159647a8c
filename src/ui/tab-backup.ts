import {
  BACKUP_PREFIX,
  backupTabIds,
  loadBackup,
  removeBackup,
  saveBackup,
  type Backup,
  type SaveResult,
} from '../state/persist';
import type { BackupOffer, StudioStore } from '../state/store';

/** Backups older than this are dropped at start without asking. */
export const BACKUP_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** A tab holds the Web Lock `<prefix><tabId>` while it has a backup; the browser frees it when the tab goes. */
export const TAB_LOCK_PREFIX = 'its:tab:';

/** The part of the Web Locks API used here (`navigator.locks`), so tests can pass their own. */
export interface Locks {
  request(name: string, granted: () => Promise<void> | void): Promise<unknown>;
}

export interface TabBackupOptions {
  /** This page load's id (a reload is a new tab: its old backup is offered to the new page). */
  tabId?: string;
  /** `null`: no Web Locks (insecure origin, old browser); every backup found at start is then offered. */
  locks?: Locks | null;
  now?: () => number;
  /** Where `storage` and `beforeunload` events arrive (the window). */
  target?: EventTarget;
}

export interface TabBackup {
  /** Autosave may not write the shared text: keep `text` in this tab's backup key instead. */
  keep(text: string): SaveResult;
  /** Opens the offered backup (`backupOffer`): one undoable replace; the next one, if any, is offered. */
  openOffer(): void;
  /** Deletes the offered backup; the next one, if any, is offered. */
  discardOffer(): void;
  /** Stops listening and frees the tab lock; the backup stays (as when the tab closes). */
  stop(): void;
}

function webLocks(): Locks | null {
  const l = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return l ? { request: (name, granted) => l.request(name, () => granted()) } : null;
}

function newTabId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * While another tab's text waits for the person's choice (`otherTab`), this tab cannot autosave; its text then
 * lives in `its:backup:<tabId>` and leaving asks for confirmation, so closing, reloading or a crash loses nothing.
 * At start, backups of tabs that are gone (their Web Lock is free) and differ from the text are offered
 * (`backupOffer`), newest first; a backup of a tab still open is offered only once that tab goes.
 */
export function startTabBackup(store: StudioStore, opts: TabBackupOptions = {}): TabBackup {
  const { tabId = newTabId(), locks = webLocks(), now = Date.now, target = window } = opts;
  let guarded = false;
  let generation = 0;
  let unlock: (() => void) | undefined;
  let stopped = false;
  let pending: Backup[] = [];

  const write = (text: string): SaveResult => saveBackup({ tabId, text, savedAt: now() });
  const onBeforeUnload = (e: Event) => {
    e.preventDefault();
    e.returnValue = true; // Chrome before 119 asks only when returnValue is set
  };
  const guard = () => {
    guarded = true;
    const gen = ++generation;
    void locks?.request(TAB_LOCK_PREFIX + tabId, () =>
      guarded && gen === generation && !stopped ? new Promise<void>((r) => (unlock = r)) : undefined,
    );
    const r = write(store.getState().text);
    if (!r.ok) store.getState().setStorageError(r.reason);
    target.addEventListener('beforeunload', onBeforeUnload);
  };
  const release = () => {
    unlock?.();
    unlock = undefined;
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
  const unguard = () => {
    guarded = false;
    removeBackup(tabId);
    release();
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.otherTab && !prev.otherTab) guard();
    else if (!s.otherTab && prev.otherTab) unguard();
  });

  const show = () => {
    pending.sort((a, b) => b.savedAt - a.savedAt);
    const top = pending[0];
    store.getState().setBackupOffer(top && offerOf(top));
  };
  const offerOf = (b: Backup): BackupOffer => ({
    text: b.text,
    savedAt: b.savedAt,
    more: pending.length - 1,
  });
  /** Takes the person's choice on the offered (top) backup. */
  const settleOffer = (open: boolean) => {
    const b = pending[0];
    if (!b) return;
    removeBackup(b.tabId);
    pending = pending.filter((p) => p !== b);
    show();
    if (open) store.getState().setText(b.text);
  };
  // Runs once the backup's tab is gone: it cannot change or remove the backup any more.
  const consider = (id: string) => {
    const b = loadBackup(id);
    if (stopped || !b || pending.some((p) => p.tabId === id)) return;
    if (b.text === store.getState().text) removeBackup(id);
    else {
      pending.push(b);
      show();
    }
  };
  for (const id of backupTabIds()) {
    if (id === tabId) continue;
    const b = loadBackup(id);
    if (!b || now() - b.savedAt > BACKUP_MAX_AGE_MS) removeBackup(id);
    else if (locks) void locks.request(TAB_LOCK_PREFIX + id, () => consider(id));
    else consider(id);
  }

  const onStorage = (e: Event) => {
    const key = 'key' in e ? e.key : undefined;
    if (key !== null && !(typeof key === 'string' && key.startsWith(BACKUP_PREFIX))) return;
    // Another tab took the person's choice on an offered backup: offer the next one here too.
    const before = pending.length;
    pending = pending.filter((b) => loadBackup(b.tabId) !== undefined);
    if (pending.length !== before) show();
    // Our own backup removed while we still need it (a tab without Web Locks took us for gone): write it again.
    if (guarded && !loadBackup(tabId)) write(store.getState().text);
  };
  target.addEventListener('storage', onStorage);

  return {
    keep: write,
    openOffer: () => settleOffer(true),
    discardOffer: () => settleOffer(false),
    stop() {
      stopped = true;
      unsub();
      release();
      target.removeEventListener('storage', onStorage);
    },
  };
}
