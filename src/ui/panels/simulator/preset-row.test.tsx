// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../../test-support/react-root';
import { createRequest } from '../../../core/simulate/request';
import type { Verdict } from '../../../core/testcases/verdict';
import { PresetRow } from './preset-row';

const dom = reactRootPerTest('ul');

const preset = { name: 'jason', request: createRequest({ host: 'reviews' }), expect: 'reviews v2' };
const byId = (id: string) => dom.host().querySelector<HTMLElement>(`[data-testid="${id}"]`);

function render(verdict: Verdict | undefined, handlers: Partial<Parameters<typeof PresetRow>[0]> = {}) {
  const props = {
    preset,
    verdict,
    onLoad: vi.fn(),
    onDelete: vi.fn(),
    onExpect: vi.fn(),
    onExpectThis: vi.fn(),
    ...handlers,
  };
  act(() => dom.root().render(<PresetRow {...props} />));
  return props;
}

function type(input: HTMLInputElement, value: string) {
  // React tracks the value it set; go through the native setter so the change event carries the new one.
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('PresetRow', () => {
  it('marks the row with its verdict and shows the reason only on fail', () => {
    render({ verdict: 'pass', reason: undefined });
    expect(byId('sim-preset')?.dataset.verdict).toBe('pass');
    expect(byId('sim-verdict-reason')).toBeNull();
    render({ verdict: 'fail', reason: 'shares: expected reviews v2 100%, got reviews v1 100%' });
    expect(byId('sim-preset')?.dataset.verdict).toBe('fail');
    expect(byId('sim-verdict-reason')?.textContent).toBe(
      'shares: expected reviews v2 100%, got reviews v1 100%',
    );
    render({ verdict: 'none', reason: undefined });
    expect(byId('sim-preset')?.hasAttribute('data-verdict')).toBe(false);
  });

  it('commits an edited expectation on Enter, once, and not when unchanged', () => {
    const props = render({ verdict: 'pass', reason: undefined });
    const input = byId('sim-expect') as HTMLInputElement;
    expect(input.value).toBe('reviews v2');
    act(() => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(props.onExpect).not.toHaveBeenCalled();
    type(input, '404');
    act(() => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(props.onExpect).toHaveBeenCalledWith('404');
  });

  it('"Expect this" asks for the current answer', () => {
    const props = render(undefined);
    act(() => byId('sim-expect-this')?.click());
    expect(props.onExpectThis).toHaveBeenCalledTimes(1);
    act(() => byId('sim-preset-load')?.click());
    expect(props.onLoad).toHaveBeenCalledTimes(1);
  });
});
