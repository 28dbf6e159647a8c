import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../state/store';
import { createStudio, noEditor } from '../../state/studio';
import { dispatchIntent } from './dispatch';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const at = { vsRef: 'VirtualService default/reviews', protocol: 'http' as const, routeIndex: 0 };

// No editor here (`noEditor`): the studio's text changes alone, as before Monaco loads.
const studioOf = (text: string) => createStudio(createStudioStore(text), { editor: noEditor });
describe('dispatchIntent selection', () => {
  it('selects the route edge an op suggests as an edge, not as a node', () => {
    const studio = studioOf(canary);
    const store = studio.store;
    store.getState().select({ nodeId: 'service:default/reviews' });
    const r = dispatchIntent(studio, {
      type: 'connectRoute',
      ...at,
      target: { host: 'reviews', subset: 'v3' },
    });
    expect(r).toEqual({ ok: true, select: 'route:default/reviews/http/0/2' });
    expect(store.getState().text).toContain('subset: v3');
    expect(store.getState().selection).toEqual({
      nodeId: undefined,
      edgeId: 'route:default/reviews/http/0/2',
    });
  });

  it('selects the new route of addRoute as an edge', () => {
    const studio = studioOf(canary);
    const store = studio.store;
    dispatchIntent(studio, { type: 'addRoute', ...at, target: { host: 'reviews', subset: 'v3' } });
    expect(store.getState().selection).toEqual({
      nodeId: undefined,
      edgeId: 'route:default/reviews/http/1/0',
    });
  });

  it('selects a node an op suggests as a node', () => {
    const studio = studioOf(canary);
    const store = studio.store;
    store.getState().select({ edgeId: 'route:default/reviews/http/0/0' });
    dispatchIntent(studio, {
      type: 'addSubset',
      drRef: 'DestinationRule default/reviews',
      name: 'v4',
      labels: { version: 'v4' },
    });
    expect(store.getState().selection).toEqual({ nodeId: 'subset:default/reviews/v4', edgeId: undefined });
  });

  it('keeps the selection when the op suggests nothing', () => {
    const studio = studioOf(canary);
    const store = studio.store;
    store.getState().select({ edgeId: 'route:default/reviews/http/0/1' });
    const before = store.getState().selection;
    expect(dispatchIntent(studio, { type: 'evenlyDistribute', ...at })).toEqual({
      ok: true,
      select: undefined,
    });
    expect(store.getState().text).toMatch(/weight: 50[\s\S]*weight: 50/);
    expect(store.getState().selection).toBe(before);
  });

  it('changes neither text nor selection while the text does not parse', () => {
    const studio = studioOf(`${canary}\n  bad: [\n`);
    const store = studio.store;
    store.getState().select({ nodeId: 'service:default/reviews' });
    const before = store.getState();
    expect(dispatchIntent(studio, { type: 'evenlyDistribute', ...at })).toEqual({ ok: false });
    expect(store.getState().text).toBe(before.text);
    expect(store.getState().selection).toBe(before.selection);
    expect(store.getState().notice?.kind).toBe('error');
  });
});
