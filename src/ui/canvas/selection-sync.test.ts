import { describe, expect, it } from 'vitest';
import { selectionAfter, withSelection } from './selection-sync';

const none = { nodeId: undefined, edgeId: undefined };
const sel = (c: { nodeId?: string; edgeId?: string }) => ({ ...none, ...c });
const on = (id: string) => ({ type: 'select', id, selected: true });
const off = (id: string) => ({ type: 'select', id, selected: false });

describe('withSelection', () => {
  const items = [{ id: 'a' }, { id: 'b', selected: false }, { id: 'c' }];

  it('marks the selected item and leaves the others as they are', () => {
    const out = withSelection(items, 'b');
    expect(out.map((i) => i.selected)).toEqual([undefined, true, undefined]);
    expect(out[0]).toBe(items[0]);
    expect(out[2]).toBe(items[2]);
  });

  it('returns the same array when no flag changes (nothing selected, or the selection already shown)', () => {
    expect(withSelection(items, undefined)).toBe(items);
    expect(withSelection(items, 'missing')).toBe(items);
    const shown = withSelection(items, 'b');
    expect(withSelection(shown, 'b')).toBe(shown);
  });

  it('clears a flag the store no longer has', () => {
    const shown = withSelection(items, 'a');
    const moved = withSelection(shown, 'c');
    expect(moved.map((i) => i.selected ?? false)).toEqual([false, false, true]);
    expect(moved[1]).toBe(items[1]);
  });
});

describe('selectionAfter', () => {
  it('selects a clicked node, dropping an edge selection', () => {
    expect(selectionAfter(sel({ edgeId: 'route:x' }), 'node', [on('service:a')])).toEqual(
      sel({ nodeId: 'service:a' }),
    );
  });

  it('selects a clicked edge, dropping a node selection', () => {
    expect(selectionAfter(sel({ nodeId: 'service:a' }), 'edge', [on('route:x')])).toEqual(
      sel({ edgeId: 'route:x' }),
    );
  });

  it('takes the first item switched on when several are', () => {
    expect(selectionAfter(none, 'node', [off('c'), on('a'), on('b')])).toEqual(sel({ nodeId: 'a' }));
  });

  it('ignores the old node being switched off after an edge click (React Flow sends it separately)', () => {
    expect(selectionAfter(sel({ edgeId: 'route:x' }), 'node', [off('service:a')])).toBeUndefined();
  });

  it('clears the selection when its own item is switched off (pane click, Ctrl+click)', () => {
    expect(selectionAfter(sel({ edgeId: 'route:x' }), 'edge', [off('route:x')])).toEqual(none);
    expect(selectionAfter(sel({ nodeId: 'a' }), 'node', [off('a')])).toEqual(none);
  });

  it('gives nothing when the store already has that selection, or for changes other than select', () => {
    expect(selectionAfter(sel({ edgeId: 'route:x' }), 'edge', [on('route:x')])).toBeUndefined();
    expect(
      selectionAfter(none, 'node', [
        { type: 'position', id: 'a' },
        { type: 'dimensions', id: 'a' },
      ]),
    ).toBeUndefined();
    expect(selectionAfter(none, 'edge', [])).toBeUndefined();
  });
});
