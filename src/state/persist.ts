import type { Point } from '../core/graph/types';

// Only the text and node positions live outside the derived pipeline; both are kept in localStorage.
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
