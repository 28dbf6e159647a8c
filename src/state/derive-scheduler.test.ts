import { describe, expect, it, vi } from 'vitest';
import { BIG_TEXT, createDeriveScheduler, MAX_WAIT, SLOW_DERIVE } from './derive-scheduler';
import { createStudioStore } from './store';
import { generateMesh } from '../../bench/generate-mesh';
import { derive, type Derived } from '../core/derive';
import { createDerivation } from './derived';
import { fakeParseWorker } from './fake-parse-worker';
import { createParseAhead } from './parse-ahead';

const small = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n';
const big = (name: string) => `${small.replace('name: a', `name: ${name}`)}# ${'x'.repeat(BIG_TEXT)}\n`;

/** A scheduler whose timer the test fires by hand. */
function setup(initial: string) {
  const store = createStudioStore(initial);
  let pending: (() => void) | undefined;
  const scheduler = createDeriveScheduler(store, createDerivation(), {
    delay: 10,
    schedule: (f) => {
      pending = f;
      return () => (pending = undefined);
    },
  });
  const unsubscribe = scheduler.subscribe(() => undefined);
  return { store, scheduler, unsubscribe, fire: () => pending?.() };
}

describe('derive scheduler', () => {
  it('settles ordinary texts at once', () => {
    const { store, scheduler } = setup(small);
    store.getState().setText(small.replace('name: a', 'name: b'));
    expect(scheduler.get().busy).toBe(false);
    expect(scheduler.get().derived.model.services[0]?.name).toBe('b');
  });

  it('keeps the last derivation and reports busy until a big text settles', () => {
    const { store, scheduler, fire } = setup(small);
    store.getState().setText(big('b'));
    expect(scheduler.get()).toMatchObject({ busy: true });
    expect(scheduler.get().derived.model.services[0]?.name).toBe('a');
    store.getState().setText(big('c'));
    fire();
    expect(scheduler.get().busy).toBe(false);
    expect(scheduler.get().derived.model.services[0]?.name).toBe('c');
  });

  it('catches up on read when nobody is subscribed', () => {
    const { store, scheduler, unsubscribe } = setup(small);
    unsubscribe();
    store.getState().setText(big('d'));
    expect(scheduler.get()).toMatchObject({ busy: false });
    expect(scheduler.get().derived.model.services[0]?.name).toBe('d');
  });
});

describe('derive scheduler with a parse worker', () => {
  // Over BIG_TEXT, and each variant below changes nearly every document, so the worker gets them all.
  const mesh = generateMesh(600);
  const strip = (d: Derived) => ({ model: d.model, graph: d.graph, diagnostics: d.diagnostics });

  function setupAhead(initial: string, now?: () => number) {
    const store = createStudioStore(initial);
    const fake = fakeParseWorker();
    const derivation = createDerivation();
    let pending: { f: () => void; ms: number } | undefined;
    const scheduler = createDeriveScheduler(store, derivation, {
      delay: 10,
      schedule: (f, ms) => {
        pending = { f, ms };
        return () => (pending = undefined);
      },
      ahead: createParseAhead(fake.worker, derivation.parser),
      ...(now ? { now } : {}),
    });
    scheduler.subscribe(() => undefined);
    return { store, scheduler, fake, fire: () => pending?.f(), waits: () => pending?.ms };
  }

  it('sends a big paste to the worker, shows progress, then settles to the same derivation', async () => {
    const { store, scheduler, fake } = setupAhead(small);
    store.getState().setText(mesh);
    expect(scheduler.get()).toMatchObject({ busy: true, progress: { done: 0 } });
    expect(scheduler.get().progress?.total).toBeGreaterThan(500);
    expect(scheduler.get().derived.text).toBe(small);
    await fake.step();
    await fake.step();
    expect(scheduler.get().progress?.done).toBeGreaterThan(0);
    await fake.drain();
    const settled = scheduler.get();
    expect(settled.busy).toBe(false);
    expect(settled.progress).toBeUndefined();
    expect(settled.derived.text).toBe(mesh);
    expect(strip(settled.derived)).toEqual(strip(derive(mesh)));
  });

  it('derives a keystroke in a big text here, a task later and without a busy render, without the worker', async () => {
    const { store, scheduler, fake, fire, waits } = setupAhead(mesh);
    await fake.drain();
    const settled = scheduler.get();
    const edited = mesh.replace('replicas: 1', 'replicas: 7');
    store.getState().setText(edited);
    // Not busy: a busy flag would render the canvas once more for every key.
    expect(scheduler.get()).toBe(settled);
    expect(waits()).toBe(0);
    fire();
    expect(scheduler.get().busy).toBe(false);
    expect(scheduler.get().derived.text).toBe(edited);
  });

  it('waits for a pause in typing after two slow keystroke derivations, at most MAX_WAIT, and not after quick ones', async () => {
    // A clock that each derivation (each emit) moves on by `cost` ms.
    let t = 0;
    let cost = SLOW_DERIVE + 1;
    const { store, scheduler, fake, fire, waits } = setupAhead(mesh, () => t);
    scheduler.subscribe(() => (t += cost));
    await fake.drain();
    const key = (n: number) => {
      const text = mesh.replace('replicas: 1', `replicas: ${n}`);
      store.getState().setText(text);
      return text;
    };
    // One slow derivation alone (the first after a paste builds indexes) does not make keys wait.
    key(2);
    expect(waits()).toBe(0);
    fire();
    key(3);
    expect(waits()).toBe(0);
    fire();
    key(4);
    expect(waits()).toBe(10);
    expect(scheduler.get().busy).toBe(true);
    key(5);
    expect(waits()).toBe(10);
    // Steady typing: once the oldest waiting key is MAX_WAIT old, the next one derives at once.
    t += MAX_WAIT;
    const typed = key(6);
    expect(waits()).toBe(0);
    cost = SLOW_DERIVE - 1;
    fire();
    expect(scheduler.get()).toMatchObject({ busy: false, derived: { text: typed } });
    key(7);
    expect(waits()).toBe(0);
  });

  it('starts a big restored text empty and busy, and settles it from the worker', async () => {
    const text = mesh.replace(/app: /g, 'app: restored-');
    const { scheduler, fake } = setupAhead(text);
    expect(scheduler.get().busy).toBe(true);
    expect(scheduler.get().derived.model.resources).toEqual([]);
    await fake.drain();
    expect(scheduler.get().busy).toBe(false);
    expect(scheduler.get().derived.text).toBe(text);
  });

  it('reads here in batches, saying so in the progress, when the worker fails, then settles the text', async () => {
    const text = mesh.replace(/app: /g, 'app: crashed-');
    const { store, scheduler, fake } = setupAhead(small);
    store.getState().setText(text);
    fake.crash();
    expect(scheduler.get().progress?.fallback).toBe('the background reader failed');
    await vi.waitFor(() => expect(scheduler.get()).toMatchObject({ busy: false }));
    expect(scheduler.get().derived.text).toBe(text);
  });
});
