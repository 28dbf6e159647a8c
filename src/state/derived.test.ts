import { describe, expect, it } from 'vitest';
import { BIG_TEXT, createDeriveScheduler } from './derive-scheduler';
import { createDerivation, deriveOptionsOf, isDerivedFrom } from './derived';
import { createStudioStore } from './store';

// Services without a namespace beside a VirtualService in `travel`: inferred `travel` unless set.
const text = `apiVersion: v1
kind: Service
metadata:
  name: web
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
  namespace: travel
spec:
  hosts: [web]
  http: [{ route: [{ destination: { host: web } }] }]
`;

describe('derived state: the namespace setting', () => {
  it('memoises on text and setting: the same object for the same pair, a new one for a new setting', () => {
    const derivation = createDerivation();
    const derivedOf = derivation.current;
    const inferred = derivedOf({ text, defaultNamespace: '' });
    expect(derivedOf({ text, defaultNamespace: ' ' })).toBe(inferred);
    expect(inferred.namespace).toMatchObject({ name: 'travel', source: 'inferred' });
    const set = derivedOf({ text, defaultNamespace: 'default' });
    expect(set).not.toBe(inferred);
    expect(set.namespace).toMatchObject({ name: 'default', source: 'set' });
    expect(set.model.services[0]?.ref).toBe('Service default/web');
    expect(isDerivedFrom(set, { text, defaultNamespace: 'default' })).toBe(true);
    expect(isDerivedFrom(set, { text, defaultNamespace: '' })).toBe(false);
    expect(derivation.of(text, deriveOptionsOf({ text, defaultNamespace: 'default' }))).toBe(set);
  });

  it('starts from a saved setting, and a blank one infers', () => {
    expect(createStudioStore(text, {}, { defaultNamespace: ' shop ' }).getState().defaultNamespace).toBe(
      'shop',
    );
    const store = createStudioStore(text);
    store.getState().setDefaultNamespace('  ');
    expect(store.getState().defaultNamespace).toBe('');
  });

  it('makes the scheduler re-derive when the setting changes, with the text untouched', () => {
    const store = createStudioStore(text);
    const scheduler = createDeriveScheduler(store, createDerivation());
    const stop = scheduler.subscribe(() => undefined);
    expect(scheduler.get().derived.diagnostics.filter((d) => d.code === 'IST0101')).toEqual([]);
    store.getState().setDefaultNamespace('default');
    expect(scheduler.get().derived.namespace.source).toBe('set');
    expect(scheduler.get().derived.diagnostics.map((d) => d.code)).toContain('IST0101');
    store.getState().setDefaultNamespace('');
    expect(scheduler.get().derived.namespace).toMatchObject({ name: 'travel', source: 'inferred' });
    expect(store.getState().text).toBe(text);
    stop();
  });

  it('waits out the pause for a big text, as for a keystroke', () => {
    const big = `${text}# ${'x'.repeat(BIG_TEXT)}\n`;
    const store = createStudioStore(big);
    let pending: (() => void) | undefined;
    const scheduler = createDeriveScheduler(store, createDerivation(), {
      schedule: (f) => ((pending = f), () => undefined),
    });
    const stop = scheduler.subscribe(() => undefined);
    store.getState().setDefaultNamespace('default');
    expect(scheduler.get().busy).toBe(true);
    pending?.();
    expect(scheduler.get()).toMatchObject({ busy: false, derived: { namespace: { source: 'set' } } });
    stop();
  });

  it('catches up on read when no one is subscribed', () => {
    const store = createStudioStore(text);
    const scheduler = createDeriveScheduler(store, createDerivation());
    store.getState().setDefaultNamespace('shop');
    expect(scheduler.get().derived.model.services[0]?.namespace).toBe('shop');
  });
});

describe('derived state: "This is the whole mesh"', () => {
  // The VirtualService's host is in another file: "not in this text" until the person says the text is all.
  const vsAlone = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http: [{ route: [{ destination: { host: reviews } }] }]
`;
  const severities = (store: ReturnType<typeof createStudioStore>) =>
    createDerivation()
      .current(store.getState())
      .diagnostics.map((d) => `${d.severity} ${d.code}`);

  it('starts as part of a mesh (info), or from the saved setting (error)', () => {
    expect(createStudioStore(vsAlone).getState().meshComplete).toBe(false);
    expect(severities(createStudioStore(vsAlone))).toEqual(['info IST0101']);
    expect(severities(createStudioStore(vsAlone, {}, { meshComplete: true }))).toEqual(['error IST0101']);
    expect(deriveOptionsOf({ text: vsAlone, defaultNamespace: '', meshComplete: false })).toEqual({});
    expect(deriveOptionsOf({ text: vsAlone, defaultNamespace: '', meshComplete: true })).toEqual({
      meshComplete: true,
    });
  });

  it('makes the scheduler re-derive when it is ticked, with the text untouched', () => {
    const store = createStudioStore(vsAlone);
    const scheduler = createDeriveScheduler(store, createDerivation());
    const stop = scheduler.subscribe(() => undefined);
    expect(scheduler.get().derived.diagnostics.map((d) => d.severity)).toEqual(['info']);
    store.getState().setMeshComplete(true);
    expect(scheduler.get().derived.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(isDerivedFrom(scheduler.get().derived, store.getState())).toBe(true);
    expect(store.getState().text).toBe(vsAlone);
    stop();
  });
});
