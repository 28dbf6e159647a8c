import type { Point } from '../core/graph/types';

// Only the text, node positions and the namespace setting live outside the derived pipeline; all are kept in
// localStorage.
export const TEXT_KEY = 'its:text';
const POSITIONS_KEY = 'its:positions';

export type SaveResult = { ok: true } | { ok: false; reason: string };

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadText(): string | undefined {
  return storage()?.getItem(TEXT_KEY) ?? undefined;
}

export function saveText(text: string): SaveResult {
  try {
    storage()?.setItem(TEXT_KEY, text);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** A tab's own copy of its text while it may not write `TEXT_KEY` (see `src/ui/tab-backup.ts`). */
export interface Backup {
  tabId: string;
  text: string;
  /** When the text was last written here (ms since the epoch). */
  savedAt: number;
}

export const BACKUP_PREFIX = 'its:backup:';

export function saveBackup(b: Backup): SaveResult {
  try {
    storage()?.setItem(BACKUP_PREFIX + b.tabId, JSON.stringify({ text: b.text, savedAt: b.savedAt }));
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** One tab's backup, or undefined if it is gone or not one we wrote (never throws). */
export function loadBackup(tabId: string): Backup | undefined {
  try {
    const raw = storage()?.getItem(BACKUP_PREFIX + tabId);
    if (!raw) return undefined;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || !('text' in v) || !('savedAt' in v)) return undefined;
    if (typeof v.text !== 'string' || typeof v.savedAt !== 'number') return undefined;
    return { tabId, text: v.text, savedAt: v.savedAt };
  } catch {
    return undefined;
  }
}

/** The ids of every tab that left a backup key (readable or not). */
export function backupTabIds(): string[] {
  const s = storage();
  if (!s) return [];
  const ids: string[] = [];
  try {
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(BACKUP_PREFIX)) ids.push(k.slice(BACKUP_PREFIX.length));
    }
  } catch {
    return ids;
  }
  return ids;
}

export function removeBackup(tabId: string): void {
  try {
    storage()?.removeItem(BACKUP_PREFIX + tabId);
  } catch {
    // Storage gone (privacy mode, ...): nothing left to remove.
  }
}

const DEFAULT_NAMESPACE_KEY = 'its:default-namespace';

/** The person's namespace for resources without one; '' (inferred) when none is saved or storage is gone. */
export function loadDefaultNamespace(): string {
  try {
    return storage()?.getItem(DEFAULT_NAMESPACE_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

/** Saves the setting; blank removes it, so a fresh load infers again. */
export function saveDefaultNamespace(ns: string): SaveResult {
  try {
    if (ns.trim()) storage()?.setItem(DEFAULT_NAMESPACE_KEY, ns.trim());
    else storage()?.removeItem(DEFAULT_NAMESPACE_KEY);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

const MESH_COMPLETE_KEY = 'its:mesh-complete';

/** Whether the person said the text is the whole mesh; false when nothing is saved or storage is gone. */
export function loadMeshComplete(): boolean {
  try {
    return storage()?.getItem(MESH_COMPLETE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Saves the setting; false removes it, so a fresh load reads the text as part of a mesh again. */
export function saveMeshComplete(complete: boolean): SaveResult {
  try {
    if (complete) storage()?.setItem(MESH_COMPLETE_KEY, 'true');
    else storage()?.removeItem(MESH_COMPLETE_KEY);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export function loadPositions(): Record<string, Point> {
  try {
    const raw = storage()?.getItem(POSITIONS_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, Point> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (
        typeof v === 'object' &&
        v !== null &&
        'x' in v &&
        'y' in v &&
        typeof v.x === 'number' &&
        typeof v.y === 'number'
      ) {
        out[k] = { x: v.x, y: v.y };
      }
    }
    return out;
  } catch {
    return {};
  }
}

export function savePositions(positions: Record<string, Point>): SaveResult {
  try {
    storage()?.setItem(POSITIONS_KEY, JSON.stringify(positions));
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
