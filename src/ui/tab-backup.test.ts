import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_PREFIX, loadBackup, loadText, saveBackup, TEXT_KEY } from '../state/persist';
import { createStudioStore } from '../state/store';
import { startAutosave } from './autosave';
import { BACKUP_MAX_AGE_MS, startTabBackup, type Locks } from './tab-backup';
import { startTabSync } from './tab-sync';

/** An in-memory Storage; `full` makes every write throw as a browser does when the quota is used up. */
class FakeStorage implements Storage {
  full = false;
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('exceeded the quota', 'QuotaExceededError');
    this.map.set(k, v);
  }
}

/** Exclusive locks granted in request order, each held until its callback's promise settles (as Web Locks). */
class FakeLocks implements Locks {
  private tails = new Map<string, Promise<unknown>>();
  request(name: string, granted: () => Promise<void> | void): Promise<unknown> {
    const run = (this.tails.get(name) ?? Promise.resolve()).then(granted);
    this.tails.set(name, run);
    return run;
  }
}

const event = (key: string | null, newValue: string | null) =>
  Object.assign(new Event('storage'), { key, newValue });
const NOW = 1_800_000_000_000;
const settle = () => vi.advanceTimersByTimeAsync(0);

let storage: FakeStorage;
let locks: FakeLocks;
let win: EventTarget;
beforeEach(() => {
  storage = new FakeStorage();
  locks = new FakeLocks();
  win = new EventTarget();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', new EventTarget());
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A tab as main.tsx starts it, on the shared fake storage, window and locks. */
function tab(text: string, tabId: string) {
  const store = createStudioStore(text);
  const sync = startTabSync(store, win, { tabId, locks });
  startAutosave(store, sync);
  return { store, sync };
}
/** Another tab saves `theirs`: the tabs started here see it and raise the conflict. */
function conflict(theirs: string) {
  storage.setItem(TEXT_KEY, theirs);
  win.dispatchEvent(event(TEXT_KEY, theirs));
}

describe('while the tab conflict is open, this tab keeps its text in its own backup', () => {
  it('writes the backup at once, follows edits with the autosave debounce, and never touches the shared text', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { store } = tab('mine: 0\n', 'a');
    conflict('theirs: 1\n');
    expect(loadBackup('a')).toMatchObject({ text: 'mine: 0\n', savedAt: NOW });
    store.getState().setText('mine: 1\n');
    vi.advanceTimersByTime(100);
    expect(loadBackup('a')?.text).toBe('mine: 0\n');
    vi.advanceTimersByTime(300);
    expect(loadBackup('a')).toMatchObject({ text: 'mine: 1\n', savedAt: NOW + 300 });
    expect(loadText()).toBe('theirs: 1\n');
  });

  it('is removed once the conflict is resolved either way', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { sync } = tab('mine: 0\n', 'a');
    conflict('theirs: 1\n');
    sync.keepMine();
    expect(loadBackup('a')).toBeUndefined();
    expect(loadText()).toBe('mine: 0\n');
    conflict('theirs: 2\n');
    expect(loadBackup('a')?.text).toBe('mine: 0\n');
    sync.loadTheirs();
    expect(loadBackup('a')).toBeUndefined();
  });

  it('reports a full quota in storageError, as autosave does', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { store } = tab('mine: 0\n', 'a');
    storage.setItem(TEXT_KEY, 'theirs: 1\n');
    storage.full = true;
    win.dispatchEvent(event(TEXT_KEY, 'theirs: 1\n'));
    expect(store.getState().storageError).toMatch(/quota/);
    storage.full = false;
    store.getState().setText('mine: 1\n');
    vi.advanceTimersByTime(400);
    expect(store.getState().storageError).toBeUndefined();
    expect(loadBackup('a')?.text).toBe('mine: 1\n');
  });

  it('asks the browser to confirm leaving only while the choice is open', () => {
    const leave = () => {
      // Node's Event has no returnValue setter; a browser's BeforeUnloadEvent has one.
      const e = Object.defineProperty(new Event('beforeunload', { cancelable: true }), 'returnValue', {
        value: undefined,
        writable: true,
      });
      win.dispatchEvent(e);
      return e.defaultPrevented && e.returnValue === true;
    };
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { sync } = tab('mine: 0\n', 'a');
    expect(leave()).toBe(false);
    conflict('theirs: 1\n');
    expect(leave()).toBe(true);
    sync.keepMine();
    expect(leave()).toBe(false);
  });

  it('writes its backup again if another tab removed it while the choice is still open', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    tab('mine: 0\n', 'a');
    conflict('theirs: 1\n');
    storage.removeItem(`${BACKUP_PREFIX}a`);
    win.dispatchEvent(event(`${BACKUP_PREFIX}a`, null));
    expect(loadBackup('a')?.text).toBe('mine: 0\n');
  });
});

describe('at start, backups of closed tabs are offered', () => {
  const backup = (tabId: string, text: string, age = 1000) => saveBackup({ tabId, text, savedAt: NOW - age });

  it('offers a closed tab’s text; Open it replaces the text and removes the backup', async () => {
    storage.setItem(TEXT_KEY, 'theirs: 1\n');
    backup('gone', 'mine: 1\n');
    const { store, sync } = tab('theirs: 1\n', 'new');
    await settle();
    const offer = store.getState().backupOffer;
    expect(offer).toMatchObject({ text: 'mine: 1\n', savedAt: NOW - 1000, more: 0 });
    sync.openBackup();
    expect(store.getState().text).toBe('mine: 1\n');
    expect(store.getState().backupOffer).toBeUndefined();
    expect(loadBackup('gone')).toBeUndefined();
  });

  it('Discard removes the backup and keeps the text', async () => {
    backup('gone', 'mine: 1\n');
    const { store, sync } = tab('theirs: 1\n', 'new');
    await settle();
    sync.discardBackup();
    expect(store.getState().text).toBe('theirs: 1\n');
    expect(store.getState().backupOffer).toBeUndefined();
    expect(loadBackup('gone')).toBeUndefined();
  });

  it('offers the newest first and the others after it, one by one', async () => {
    backup('old', 'old: 1\n', 5000);
    backup('newest', 'newest: 1\n', 1000);
    backup('middle', 'middle: 1\n', 3000);
    const { store, sync } = tab('theirs: 1\n', 'new');
    await settle();
    expect(store.getState().backupOffer).toMatchObject({ text: 'newest: 1\n', more: 2 });
    sync.discardBackup();
    expect(store.getState().backupOffer).toMatchObject({ text: 'middle: 1\n', more: 1 });
    expect(loadBackup('old')).toBeDefined();
    sync.openBackup();
    expect(store.getState().backupOffer).toMatchObject({ text: 'old: 1\n', more: 0 });
    expect(store.getState().text).toBe('middle: 1\n');
  });

  it('drops quietly what is older than 7 days, equal to the text, or unreadable', async () => {
    backup('stale', 'stale: 1\n', BACKUP_MAX_AGE_MS + 1);
    backup('same', 'theirs: 1\n');
    storage.setItem(`${BACKUP_PREFIX}junk`, '{not json');
    storage.setItem(`${BACKUP_PREFIX}wrong`, '{"text":1}');
    const { store } = tab('theirs: 1\n', 'new');
    await settle();
    expect(store.getState().backupOffer).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('waits while the backup’s tab is still open, and offers it once that tab goes', async () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const open = tab('mine: 0\n', 'open');
    conflict('theirs: 1\n');
    await settle();
    const later = tab('theirs: 1\n', 'later');
    await settle();
    expect(later.store.getState().backupOffer).toBeUndefined();
    open.sync.stop(); // the tab closes (or crashes): the browser frees its lock, the backup stays
    await settle();
    expect(later.store.getState().backupOffer?.text).toBe('mine: 0\n');
  });

  it('offers nothing if the open tab resolves its conflict instead', async () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const open = tab('mine: 0\n', 'open');
    conflict('theirs: 1\n');
    await settle();
    const later = tab('theirs: 1\n', 'later');
    open.sync.loadTheirs();
    await settle();
    expect(later.store.getState().backupOffer).toBeUndefined();
  });

  it('another tab taking the choice on the same backup takes the offer away here too', async () => {
    backup('gone', 'mine: 1\n');
    const { store } = tab('theirs: 1\n', 'new');
    await settle();
    storage.removeItem(`${BACKUP_PREFIX}gone`);
    win.dispatchEvent(event(`${BACKUP_PREFIX}gone`, null));
    expect(store.getState().backupOffer).toBeUndefined();
  });

  it('without Web Locks every backup found at start is offered', () => {
    backup('gone', 'mine: 1\n');
    const store = createStudioStore('theirs: 1\n');
    startTabBackup(store, { tabId: 'new', locks: null, target: win });
    expect(store.getState().backupOffer?.text).toBe('mine: 1\n');
  });
});
