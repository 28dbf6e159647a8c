// Route weights as the inspector sees them: integers that sum to 100.

const TOTAL = 100;

/** Rounds shares to integers summing to `total`, giving leftovers to the largest remainders (ties: first). */
function largestRemainder(shares: readonly number[], total: number): number[] {
  const floors = shares.map((s) => Math.floor(s));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, rem: s - Math.floor(s) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) {
    const slot = order[k];
    if (slot) floors[slot.i] = (floors[slot.i] ?? 0) + 1;
  }
  return floors;
}

/** Splits `total` as evenly as integers allow, earlier entries taking the remainder. */
export function evenly(count: number, total = TOTAL): number[] {
  if (count <= 0) return [];
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
}

/** Scales weights to sum to 100 with largest-remainder rounding; all-zero or missing weights split evenly. */
export function normalise(weights: readonly (number | undefined)[]): number[] {
  const w = weights.map((x) => (x !== undefined && Number.isFinite(x) && x > 0 ? x : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  if (sum === 0) return evenly(w.length);
  return largestRemainder(
    w.map((x) => (x * TOTAL) / sum),
    TOTAL,
  );
}

/** Shares `total` among entries in proportion to their current weights (evenly when all are zero). */
function share(current: readonly number[], total: number): number[] {
  const sum = current.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum === 0) return evenly(current.length, total);
  return largestRemainder(
    current.map((x) => (Math.max(0, x) * total) / sum),
    total,
  );
}

/**
 * Sets one weight and rebalances the others so the sum stays 100: locked entries keep their value, the free
 * ones share the rest in proportion to what they had. The changed value is clamped to what is available.
 * Pure and integer-valued; the inspector slider calls it on every move.
 */
export function rebalance(
  weights: readonly (number | undefined)[],
  changedIndex: number,
  newValue: number,
  locked: readonly number[] = [],
): number[] {
  const w = weights.map((x) => (x !== undefined && Number.isFinite(x) ? Math.max(0, Math.round(x)) : 0));
  if (changedIndex < 0 || changedIndex >= w.length) return normalise(w);
  const isLocked = (i: number): boolean => i !== changedIndex && locked.includes(i);
  const lockedSum = Math.min(
    TOTAL,
    w.reduce((a, x, i) => a + (isLocked(i) ? x : 0), 0),
  );
  const free = w.map((_, i) => i).filter((i) => i !== changedIndex && !isLocked(i));
  const room = TOTAL - lockedSum;
  const value = free.length === 0 ? room : Math.min(room, Math.max(0, Math.round(newValue)));
  const shares = share(
    free.map((i) => w[i] ?? 0),
    room - value,
  );
  const out = w.map((x, i) => (isLocked(i) ? x : 0));
  out[changedIndex] = value;
  free.forEach((i, k) => (out[i] = shares[k] ?? 0));
  // Locked weights over 100 cannot be honoured; fall back to a valid split.
  return out.reduce((a, b) => a + b, 0) === TOTAL ? out : normalise(out);
}

/** Weights after adding one destination: the newcomer takes an equal share from the unlocked ones. */
export function addShare(weights: readonly (number | undefined)[], locked: readonly number[] = []): number[] {
  const base = weights.length === 1 && weights[0] === undefined ? [TOTAL] : normalise(weights);
  const n = base.length + 1;
  return rebalance([...base, 0], n - 1, Math.round(TOTAL / n), locked);
}

/** Weights after removing one destination: the rest scaled back to 100. */
export function removeShare(weights: readonly (number | undefined)[], index: number): number[] {
  return normalise(weights.filter((_, i) => i !== index));
}
