import type { MeshModel } from '../model/types';

// Derived models are never changed after they are built (a new text gives a new model), so what is built
// from one can be kept as long as the model lives.
const byModel = new WeakMap<MeshModel, Map<string, unknown>>();

/**
 * `build()` once per model and key: the simulator traces many requests through the same proxy's tables (the
 * compare view traces dozens per keystroke), and building them is most of a trace's cost.
 */
export function memoOnModel<T>(model: MeshModel, key: string, build: () => T): T {
  let m = byModel.get(model);
  if (!m) byModel.set(model, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = build();
  m.set(key, v);
  return v;
}
