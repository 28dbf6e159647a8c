import type { MeshModel } from '../../../core/model/types';
import { arr, rec, str } from '../../../core/model/read';
import { parsePresets, type SimPreset } from '../../../core/simulate/presets';

/**
 * A saved request, maybe with an expectation: the text the person wrote (`reviews v2`, `404`…, read by
 * core/testcases' parseExpectationText), kept as written so an unreadable one is shown, not lost.
 */
export interface SavedRequest extends SimPreset {
  expect?: string;
}

const PREFIX = 'its:sim-presets:';

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The key presets are kept under: a hash of which resources the documents hold (kind, namespace, name), so
 * presets survive edits of values but belong to one set of documents.
 */
export function presetKey(model: MeshModel): string {
  const refs = model.resources.map((r) => `${r.kind} ${r.namespace}/${r.name}`).sort();
  return PREFIX + fnv1a(refs.join('\n'));
}

/** Restores saved requests: core's parsePresets for the request, the expectation text beside it. Never throws. */
export function parseSaved(value: unknown): SavedRequest[] {
  const expects = new Map(arr(value).map((p) => [str(rec(p).name), str(rec(p).expect)]));
  return parsePresets(value).map((p) => {
    const expect = expects.get(p.name);
    return expect ? { ...p, expect } : p;
  });
}

export function loadPresets(storage: Storage | undefined, key: string): SavedRequest[] {
  try {
    const raw = storage?.getItem(key);
    return raw ? parseSaved(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

/** Saves the list; returns an error message when storage refuses (quota, private mode). */
export function storePresets(
  storage: Storage | undefined,
  key: string,
  presets: readonly SavedRequest[],
): string | undefined {
  try {
    if (presets.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(presets));
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Adds or replaces (same name) a preset; names are trimmed, the list stays sorted by name. */
export function upsertPreset(presets: readonly SavedRequest[], preset: SavedRequest): SavedRequest[] {
  const name = preset.name.trim();
  return [...presets.filter((p) => p.name !== name), { ...preset, name }].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

export function removePreset(presets: readonly SavedRequest[], name: string): SavedRequest[] {
  return presets.filter((p) => p.name !== name);
}

/** Sets (or, with a blank text, clears) the expectation of the saved request of that name. */
export function setExpectation(presets: readonly SavedRequest[], name: string, text: string): SavedRequest[] {
  return presets.map((p) => {
    if (p.name !== name) return p;
    const { expect: _old, ...rest } = p;
    return text.trim() === '' ? rest : { ...rest, expect: text.trim() };
  });
}

export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
