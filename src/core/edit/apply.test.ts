import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { applyIntent } from './apply';
import { BOOKINFO, corpus, modelOf } from './test-support';
import { undoMode } from './undo';

const VS = corpus(`${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`);
const at = { vsRef: 'VirtualService default/reviews', protocol: 'http' as const, routeIndex: 0 };

describe('applyIntent', () => {
  it('refuses edits while the target document does not parse, and never throws', () => {
    const broken = VS.replace('weight: 20', 'weight: [20');
    const parsed = parseText(broken);
    // The model comes from the last good parse, as derive() keeps it.
    const model = modelOf(parseText(VS));
    const r = applyIntent(parsed, model, { type: 'setWeights', ...at, weights: [50, 50] });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/does not parse/);
    expect(
      applyIntent(parsed, model, { type: 'setValue', docIndex: 5, path: ['a'], value: 1 }),
    ).toMatchObject({ ok: false });
  });

  it('says how each op enters undo history', () => {
    expect(undoMode({ type: 'setWeights', ...at, weights: [50, 50], dragging: true })).toBe('merge');
    expect(undoMode({ type: 'setWeights', ...at, weights: [50, 50] })).toBe('new');
    expect(undoMode({ type: 'deleteRoute', ...at })).toBe('new');
  });
});
