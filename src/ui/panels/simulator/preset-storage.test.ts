import { describe, expect, it } from 'vitest';
import { derive } from '../../../core/derive';
import { createRequest } from '../../../core/simulate/request';
import {
  loadPresets,
  parseSaved,
  presetKey,
  removePreset,
  setExpectation,
  storePresets,
  upsertPreset,
} from './preset-storage';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

const doc = (name: string, port = 80) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {ports: [{port: ${port}}]}\n`;

describe('presetKey', () => {
  it('depends on which resources exist, not on their values', () => {
    const a = presetKey(derive(doc('a')).model);
    expect(presetKey(derive(doc('a', 81)).model)).toBe(a);
    expect(presetKey(derive(doc('b')).model)).not.toBe(a);
    expect(a).toMatch(/^its:sim-presets:[0-9a-f]{8}$/);
  });
});

describe('preset list', () => {
  const req = createRequest({ host: 'reviews', headers: { 'end-user': 'jason' } });
  it('saves, replaces by name, sorts, deletes and reloads', () => {
    const s = memoryStorage();
    let list = upsertPreset([], { name: ' zed ', request: req });
    list = upsertPreset(list, { name: 'alpha', request: req });
    list = upsertPreset(list, { name: 'zed', request: { ...req, path: '/x' } });
    expect(list.map((p) => p.name)).toEqual(['alpha', 'zed']);
    expect(storePresets(s, 'k', list)).toBeUndefined();
    const loaded = loadPresets(s, 'k');
    expect(loaded).toEqual(list);
    expect(loaded[1]?.request.path).toBe('/x');
    list = removePreset(list, 'alpha');
    storePresets(s, 'k', removePreset(list, 'zed'));
    expect(s.getItem('k')).toBeNull();
  });

  it('survives broken storage', () => {
    const s = memoryStorage();
    s.setItem('k', '{not json');
    expect(loadPresets(s, 'k')).toEqual([]);
    expect(loadPresets(undefined, 'k')).toEqual([]);
    const full = {
      ...s,
      setItem: () => {
        throw new Error('quota');
      },
    } as Storage;
    expect(storePresets(full, 'k', [{ name: 'a', request: req }])).toBe('quota');
  });
});

describe('expectations on saved requests', () => {
  const req = createRequest({ host: 'reviews', headers: { 'end-user': 'jason' } });
  it('keep their text through storage, set and clear by name', () => {
    const s = memoryStorage();
    let list = upsertPreset([], { name: 'jason', request: req });
    list = upsertPreset(list, { name: 'bob', request: req });
    list = setExpectation(list, 'jason', ' reviews v2 ');
    expect(list.map((p) => [p.name, p.expect])).toEqual([
      ['bob', undefined],
      ['jason', 'reviews v2'],
    ]);
    storePresets(s, 'k', list);
    expect(loadPresets(s, 'k')).toEqual(list);
    expect(loadPresets(s, 'k')[1]?.request.headers).toEqual({ 'end-user': 'jason' });
    list = setExpectation(list, 'jason', '  ');
    expect(list[1]).not.toHaveProperty('expect');
  });

  it('an expectation that is not text is dropped, the request kept', () => {
    const saved = parseSaved([{ name: 'x', request: { host: 'reviews' }, expect: { shares: 1 } }]);
    expect(saved.map((p) => [p.name, p.expect])).toEqual([['x', undefined]]);
  });
});
