import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadText, saveText, TEXT_KEY } from '../../src/state/persist';
import { createStudioStore } from '../../src/state/store';
import { startAutosave } from '../../src/ui/autosave';
import { startTabSync } from '../../src/ui/tab-sync';

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
    if (this.full)
      throw new DOMException("Failed to execute 'setItem': exceeded the quota.", 'QuotaExceededError');
    this.map.set(k, v);
  }
}

/** What another tab's write looks like to this one. */
function storageEvent(key: string | null, newValue: string | null): Event {
  return Object.assign(new Event('storage'), { key, newValue });
}

let storage: FakeStorage;
let win: EventTarget;
beforeEach(() => {
  storage = new FakeStorage();
  win = new EventTarget();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', new EventTarget());
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a full storage quota is reported', () => {
  it('saveText returns the reason instead of throwing', () => {
    storage.full = true;
    const r = saveText('kind: Service\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/quota/);
  });

  it('autosave puts the reason in storageError, and clears it once a save works again', () => {
    const store = createStudioStore('a: 1\n');
    startAutosave(store);
    storage.full = true;
    store.getState().setText('a: 2\n');
    vi.advanceTimersByTime(400);
    expect(store.getState().storageError).toMatch(/quota/);
    storage.full = false;
    store.getState().setText('a: 3\n');
    vi.advanceTimersByTime(400);
    expect(store.getState().storageError).toBeUndefined();
    expect(loadText()).toBe('a: 3\n');
  });
});

describe('two tabs never silently overwrite each other', () => {
  function tab(text: string) {
    const store = createStudioStore(text);
    const sync = startTabSync(store, win);
    startAutosave(store, sync);
    return { store, sync };
  }

  it('another tab saving a different text raises the choice, and autosave waits', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { store } = tab('mine: 0\n');
    storage.setItem(TEXT_KEY, 'theirs: 1\n');
    win.dispatchEvent(storageEvent(TEXT_KEY, 'theirs: 1\n'));
    expect(store.getState().otherTab?.text).toBe('theirs: 1\n');
    store.getState().setText('mine: 1\n');
    vi.advanceTimersByTime(400);
    expect(loadText()).toBe('theirs: 1\n');
  });

  it('Keep mine writes this tab’s text; Load theirs takes the other one', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { store, sync } = tab('mine: 0\n');
    store.getState().setText('mine: 1\n');
    storage.setItem(TEXT_KEY, 'theirs: 1\n');
    win.dispatchEvent(storageEvent(TEXT_KEY, 'theirs: 1\n'));
    sync.keepMine();
    expect(loadText()).toBe('mine: 1\n');
    expect(store.getState().otherTab).toBeUndefined();

    storage.setItem(TEXT_KEY, 'theirs: 2\n');
    win.dispatchEvent(storageEvent(TEXT_KEY, 'theirs: 2\n'));
    sync.loadTheirs();
    expect(store.getState().text).toBe('theirs: 2\n');
    vi.advanceTimersByTime(400);
    expect(loadText()).toBe('theirs: 2\n');
  });

  it('Keep mine on a full quota keeps the choice open and says why', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { store, sync } = tab('mine: 0\n');
    store.getState().setText('mine: 1\n');
    storage.setItem(TEXT_KEY, 'theirs: 1\n');
    win.dispatchEvent(storageEvent(TEXT_KEY, 'theirs: 1\n'));
    storage.full = true;
    sync.keepMine();
    expect(store.getState().storageError).toMatch(/quota/);
    expect(store.getState().otherTab?.text).toBe('theirs: 1\n');
    storage.full = false;
    sync.keepMine();
    expect(loadText()).toBe('mine: 1\n');
    expect(store.getState().otherTab).toBeUndefined();
    expect(store.getState().storageError).toBeUndefined();
  });

  it('a write seen without an event is caught before autosave overwrites it', () => {
    storage.setItem(TEXT_KEY, 'mine: 0\n');
    const { store } = tab('mine: 0\n');
    storage.setItem(TEXT_KEY, 'theirs: 1\n'); // no event: e.g. the other tab wrote while this one slept
    store.getState().setText('mine: 1\n');
    vi.advanceTimersByTime(400);
    expect(loadText()).toBe('theirs: 1\n');
    expect(store.getState().otherTab?.text).toBe('theirs: 1\n');
  });

  it('the same text from another tab, or other keys, raise nothing', () => {
    const { store } = tab('same: 1\n');
    win.dispatchEvent(storageEvent(TEXT_KEY, 'same: 1\n'));
    win.dispatchEvent(storageEvent('its:positions', '{}'));
    win.dispatchEvent(storageEvent(null, null));
    expect(store.getState().otherTab).toBeUndefined();
  });
});
