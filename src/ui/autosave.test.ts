import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadText } from '../state/persist';
import { createStudioStore } from '../state/store';
import { startAutosave } from './autosave';
import { SNAPSHOT_SPAN_MS, SNAPSHOTS_KEY, loadSnapshots } from './compare/snapshots';

/** localStorage with a quota counted in characters over all keys, as a browser's is (in bytes). */
class QuotaStorage implements Storage {
  map = new Map<string, string>();
  constructor(private quota: number) {}
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
    let used = v.length;
    for (const [key, val] of this.map) if (key !== k) used += val.length;
    if (used > this.quota) throw new DOMException('exceeded the quota', 'QuotaExceededError');
    this.map.set(k, v);
  }
}

const NOW = 1_800_000_000_000;
let storage: QuotaStorage;
beforeEach(() => {
  storage = new QuotaStorage(10_000);
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', new EventTarget());
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('autosave keeps comparison snapshots', () => {
  it('each save is a snapshot with its time, one per span of typing', async () => {
    const store = createStudioStore('a: 1\n');
    startAutosave(store);
    store.getState().setText('a: 2\n');
    await vi.advanceTimersByTimeAsync(1000);
    store.getState().setText('a: 3\n');
    await vi.advanceTimersByTimeAsync(SNAPSHOT_SPAN_MS);
    store.getState().setText('a: 4\n');
    await vi.advanceTimersByTimeAsync(1000);
    expect(loadSnapshots().map((s) => s.text)).toEqual(['a: 4\n', 'a: 3\n']);
    expect(loadSnapshots()[1]?.savedAt).toBe(NOW + 1000 + 300);
  });

  it('when the text does not fit beside the snapshots, the snapshots go and the text is saved', async () => {
    const store = createStudioStore('');
    startAutosave(store);
    store.getState().setText(`a: "${'x'.repeat(3000)}"\n`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.getItem(SNAPSHOTS_KEY)).not.toBeNull();
    const big = `b: "${'y'.repeat(7500)}"\n`;
    store.getState().setText(big);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loadText()).toBe(big);
    expect(store.getState().storageError).toBeUndefined();
  });
});
