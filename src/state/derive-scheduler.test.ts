import { describe, expect, it } from 'vitest';
import { BIG_TEXT, createDeriveScheduler } from './derive-scheduler';
import { createStudioStore } from './store';

const small = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n';
const big = (name: string) => `${small.replace('name: a', `name: ${name}`)}# ${'x'.repeat(BIG_TEXT)}\n`;

/** A scheduler whose timer the test fires by hand. */
function setup(initial: string) {
  const store = createStudioStore(initial);
  let pending: (() => void) | undefined;
  const scheduler = createDeriveScheduler(store, 10, (f) => {
    pending = f;
    return () => (pending = undefined);
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
