import { describe, expect, it } from 'vitest';
import {
  MAX_SNAPSHOTS,
  MAX_SNAPSHOTS_TOTAL_CHARS,
  dropSnapshots,
  SNAPSHOT_SPAN_MS,
  SNAPSHOTS_KEY,
  loadSnapshots,
  recordSnapshot,
  withSnapshot,
} from './snapshots';

/** A Storage over a Map: localStorage's interface, with a quota we can fill. */
function memoryStorage(quota = Infinity): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      m.set(k, v);
    },
  };
}

const T0 = 10 * SNAPSHOT_SPAN_MS;

describe('withSnapshot', () => {
  it('saves in one span replace the newest; a later span starts a new one; the oldest drop off', () => {
    let list = withSnapshot([], 'a', T0);
    list = withSnapshot(list, 'ab', T0 + 1000);
    expect(list).toEqual([{ text: 'ab', savedAt: T0 + 1000 }]);
    list = withSnapshot(list, 'abc', T0 + SNAPSHOT_SPAN_MS);
    expect(list.map((s) => s.text)).toEqual(['abc', 'ab']);
    for (let i = 2; i < MAX_SNAPSHOTS + 3; i++) list = withSnapshot(list, `t${i}`, T0 + i * SNAPSHOT_SPAN_MS);
    expect(list).toHaveLength(MAX_SNAPSHOTS);
    expect(list[0]?.text).toBe(`t${MAX_SNAPSHOTS + 2}`);
  });

  it('does not repeat the newest text (a save of the same text keeps its time)', () => {
    const list = withSnapshot([{ text: 'a', savedAt: T0 }], 'a', T0 + 5 * SNAPSHOT_SPAN_MS);
    expect(list).toEqual([{ text: 'a', savedAt: T0 }]);
  });
});

describe('the total size', () => {
  it('drops the oldest until the snapshots together fit, keeping the newest', () => {
    const big = 'x'.repeat(Math.ceil(MAX_SNAPSHOTS_TOTAL_CHARS / 2.5));
    let list = withSnapshot([], `a${big}`, T0);
    list = withSnapshot(list, `b${big}`, T0 + SNAPSHOT_SPAN_MS);
    list = withSnapshot(list, `c${big}`, T0 + 2 * SNAPSHOT_SPAN_MS);
    expect(list.map((s) => s.text[0])).toEqual(['c', 'b']);
  });

  it('dropSnapshots makes room, and says whether there was anything to drop', () => {
    const s = memoryStorage();
    expect(dropSnapshots(s)).toBe(false);
    recordSnapshot('one', T0, s);
    expect(dropSnapshots(s)).toBe(true);
    expect(loadSnapshots(s)).toEqual([]);
  });
});

describe('recordSnapshot / loadSnapshots', () => {
  it('round-trips through storage, newest first', () => {
    const s = memoryStorage();
    recordSnapshot('one', T0, s);
    recordSnapshot('two', T0 + SNAPSHOT_SPAN_MS, s);
    expect(loadSnapshots(s).map((x) => x.text)).toEqual(['two', 'one']);
  });

  it('never throws: a full storage keeps the old list, garbage reads as empty, blanks are not kept', () => {
    const s = memoryStorage(40);
    recordSnapshot('short', T0, s);
    recordSnapshot('x'.repeat(100), T0 + SNAPSHOT_SPAN_MS, s);
    expect(loadSnapshots(s).map((x) => x.text)).toEqual(['short']);
    recordSnapshot('   ', T0 + 2 * SNAPSHOT_SPAN_MS, s);
    expect(loadSnapshots(s)).toHaveLength(1);
    s.setItem(SNAPSHOTS_KEY, '{not json');
    expect(loadSnapshots(s)).toEqual([]);
    s.setItem(SNAPSHOTS_KEY, JSON.stringify([{ text: 1 }, { text: 'ok', savedAt: 3 }]));
    expect(loadSnapshots(s)).toEqual([{ text: 'ok', savedAt: 3 }]);
  });
});
