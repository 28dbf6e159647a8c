// The last few texts autosave wrote, with when: bases to compare with ("what did I change in the last hour?").
// Kept apart from the autosaved text itself, so a broken snapshot list never costs the person their text.

export const SNAPSHOTS_KEY = 'its:snapshots';
/** How many snapshots are kept. */
export const MAX_SNAPSHOTS = 6;
/**
 * Saves in the same span (of the clock, not since the last save) replace the newest snapshot: steady typing
 * makes one snapshot per span, not one per keystroke pause.
 */
export const SNAPSHOT_SPAN_MS = 120_000;
/** Texts above this size are not snapshotted: five copies of a 10 MB text would fill localStorage. */
export const MAX_SNAPSHOT_CHARS = 400_000;
/** All snapshots together stay under this, so they never crowd the autosaved text out of localStorage. */
export const MAX_SNAPSHOTS_TOTAL_CHARS = 1_000_000;

export interface Snapshot {
  text: string;
  /** When autosave wrote it (ms since the epoch). */
  savedAt: number;
}

/** Reads the list, newest first; anything unreadable is dropped, never thrown. */
export function loadSnapshots(storage: Storage | undefined = safeStorage()): Snapshot[] {
  try {
    const raw = storage?.getItem(SNAPSHOTS_KEY);
    if (!raw) return [];
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (s): s is Snapshot =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as Snapshot).text === 'string' &&
        typeof (s as Snapshot).savedAt === 'number',
    );
  } catch {
    return [];
  }
}

/**
 * The list after autosave wrote `text` at `now`: a text equal to the newest is not repeated; a save in the
 * newest's span replaces it; otherwise it goes on top and the oldest beyond `MAX_SNAPSHOTS` drop off.
 */
export function withSnapshot(list: readonly Snapshot[], text: string, now: number): Snapshot[] {
  const newest = list[0];
  if (newest?.text === text) return [...list];
  const span = (t: number) => Math.floor(t / SNAPSHOT_SPAN_MS);
  const next =
    newest && span(newest.savedAt) === span(now)
      ? [{ text, savedAt: now }, ...list.slice(1)]
      : [{ text, savedAt: now }, ...list].slice(0, MAX_SNAPSHOTS);
  let total = next.reduce((n, s) => n + s.text.length, 0);
  while (next.length > 1 && total > MAX_SNAPSHOTS_TOTAL_CHARS) total -= next.pop()?.text.length ?? 0;
  return next;
}

/** Forgets every snapshot: the autosaved text needs the room (see `autosave.ts`). */
export function dropSnapshots(storage = safeStorage()): boolean {
  try {
    if (storage?.getItem(SNAPSHOTS_KEY) === null) return false;
    storage?.removeItem(SNAPSHOTS_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Records an autosaved text; a full storage is not an error here (the text itself is saved elsewhere). */
export function recordSnapshot(text: string, now = Date.now(), storage = safeStorage()): void {
  if (text.length > MAX_SNAPSHOT_CHARS || text.trim() === '') return;
  try {
    const next = withSnapshot(loadSnapshots(storage), text, now);
    storage?.setItem(SNAPSHOTS_KEY, JSON.stringify(next));
  } catch {
    // Quota: snapshots are a convenience; the autosave of the text reports storage problems.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
