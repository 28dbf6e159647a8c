import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMeshComplete, saveMeshComplete } from './persist';

function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('the "whole mesh" setting in storage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is false when nothing is saved or there is no storage', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(loadMeshComplete()).toBe(false);
    vi.stubGlobal('localStorage', fakeStorage());
    expect(loadMeshComplete()).toBe(false);
  });

  it('survives a reload when ticked; unticking removes it', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    expect(saveMeshComplete(true)).toEqual({ ok: true });
    expect(loadMeshComplete()).toBe(true);
    expect(saveMeshComplete(false)).toEqual({ ok: true });
    expect(storage.length).toBe(0);
    expect(loadMeshComplete()).toBe(false);
  });

  it('says why a save failed instead of throwing', () => {
    const storage = fakeStorage();
    storage.setItem = () => {
      throw new Error('quota exceeded');
    };
    vi.stubGlobal('localStorage', storage);
    expect(saveMeshComplete(true)).toEqual({ ok: false, reason: 'quota exceeded' });
  });
});
