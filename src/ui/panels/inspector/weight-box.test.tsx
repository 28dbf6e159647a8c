// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../../test-support/react-root';
import { WEIGHT_COMMIT_PAUSE_MS, WeightBox } from './weight-box';

const dom = reactRootPerTest();
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Renders a box showing `value`; `onCommit` answers whether it wrote (as the weights section does). */
function render(value: number, onCommit: (v: number) => boolean) {
  act(() =>
    dom.root().render(<WeightBox value={value} onCommit={onCommit} disabled={false} label="w" edgeId="e" />),
  );
  const input = dom.host().querySelector('input');
  if (!input) throw new Error('no input');
  return input;
}

/** Types `text` as the box's whole new content, as one keystroke's input event. */
function typeValue(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const key = (input: HTMLInputElement, k: string) =>
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });

describe('WeightBox: one write per committed value', () => {
  it('typing 8 then 0 within the pause writes 80 once, after the pause', () => {
    const commits: number[] = [];
    const input = render(90, (v) => (commits.push(v), true));
    typeValue(input, '8');
    act(() => vi.advanceTimersByTime(WEIGHT_COMMIT_PAUSE_MS - 100));
    typeValue(input, '80');
    act(() => vi.advanceTimersByTime(WEIGHT_COMMIT_PAUSE_MS - 1));
    expect(commits).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(commits).toEqual([80]);
    // The draft stays until the YAML shows the value (no flicker back to 90), then follows it.
    expect(input.value).toBe('80');
    render(80, (v) => (commits.push(v), true));
    expect(input.value).toBe('80');
    act(() => vi.advanceTimersByTime(5 * WEIGHT_COMMIT_PAUSE_MS));
    expect(commits).toEqual([80]);
  });

  it('Enter and blur commit at once; Escape drops the draft', () => {
    const commits: number[] = [];
    const input = render(90, (v) => (commits.push(v), true));
    typeValue(input, '70');
    key(input, 'Enter');
    expect(commits).toEqual([70]);
    act(() => vi.advanceTimersByTime(5 * WEIGHT_COMMIT_PAUSE_MS));
    expect(commits).toEqual([70]);
    typeValue(input, '60');
    act(() => {
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(commits).toEqual([70, 60]);
    typeValue(input, '5');
    key(input, 'Escape');
    act(() => vi.advanceTimersByTime(5 * WEIGHT_COMMIT_PAUSE_MS));
    expect(commits).toEqual([70, 60]);
    expect(input.value).toBe('90');
  });

  it('writes nothing for an unchanged or empty value, clamps to 0–100, and shows the YAML after a refusal', () => {
    const commits: number[] = [];
    const input = render(90, (v) => (commits.push(v), v !== 42));
    typeValue(input, '90');
    key(input, 'Enter');
    typeValue(input, '');
    key(input, 'Enter');
    expect(commits).toEqual([]);
    expect(input.value).toBe('90');
    typeValue(input, '150');
    key(input, 'Enter');
    expect(commits).toEqual([100]);
    typeValue(input, '42');
    key(input, 'Enter');
    expect(commits).toEqual([100, 42]);
    expect(input.value).toBe('90');
  });
});
