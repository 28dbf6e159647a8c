import { describe, expect, it } from 'vitest';
import {
  appendIn,
  deleteIn,
  isFailure,
  moveLast,
  openDoc,
  setIn,
  type DocState,
  type Step,
} from './doc-edit';

function open(text: string): DocState {
  const s = openDoc(text);
  if (isFailure(s)) throw new Error(s.reason);
  return s;
}

function textOf(s: Step): string {
  if (isFailure(s)) throw new Error(s.reason);
  return s.text;
}

const DR = `# head
spec:
  host: reviews # the host
  subsets:
  - name: v1 # first
    labels:
      version: "v1"
  - name: v2
    labels: {version: v2}
  x-custom: keep-me
`;

describe('setIn', () => {
  it('replaces a scalar in place, keeping its quotes and trailing comment', () => {
    expect(textOf(setIn(open(DR), ['spec', 'subsets', 0, 'labels', 'version'], 'v9'))).toBe(
      DR.replace('"v1"', '"v9"'),
    );
    expect(textOf(setIn(open(DR), ['spec', 'host'], 'ratings'))).toBe(
      DR.replace('host: reviews #', 'host: ratings #'),
    );
  });

  it('adds missing keys under the deepest existing map, at its indentation', () => {
    const out = textOf(setIn(open(DR), ['spec', 'trafficPolicy', 'loadBalancer', 'simple'], 'RANDOM'));
    expect(out).toBe(
      DR.replace(
        '  x-custom: keep-me\n',
        '  x-custom: keep-me\n  trafficPolicy:\n    loadBalancer:\n      simple: RANDOM\n',
      ),
    );
  });

  it('adds a key to a flow map in its own style, touching nothing else', () => {
    expect(textOf(setIn(open(DR), ['spec', 'subsets', 1, 'labels', 'track'], 'canary'))).toBe(
      DR.replace('labels: {version: v2}', 'labels: {version: v2, track: canary}'),
    );
  });

  it('replaces a block map with a new block at the same column', () => {
    const out = textOf(setIn(open(DR), ['spec', 'subsets', 0, 'labels'], { version: 'v1', tier: 'gold' }));
    expect(out).toContain(
      '  - name: v1 # first\n    labels:\n      version: v1\n      tier: gold\n  - name: v2',
    );
  });

  it('turns a scalar into a block and quotes YAML 1.1 booleans', () => {
    const out = textOf(setIn(open(DR), ['spec', 'host'], { a: 'yes' }));
    expect(out).toContain('  host:\n    a: "yes"\n  subsets:');
  });

  it('refuses to go through a scalar', () => {
    const s = setIn(open(DR), ['spec', 'host', 'x'], 1);
    expect(isFailure(s) && s.reason).toMatch(/not a map/);
  });
});

describe('deleteIn', () => {
  it('removes a pair with its lines', () => {
    expect(textOf(deleteIn(open(DR), ['spec', 'x-custom']))).toBe(DR.replace('  x-custom: keep-me\n', ''));
  });

  it('removes the first key of a list item without losing the dash', () => {
    const out = textOf(deleteIn(open(DR), ['spec', 'subsets', 0, 'name']));
    expect(out).toContain('  - labels:\n      version: "v1"\n');
  });

  it('removes a list item and leaves an emptied map as {}', () => {
    expect(textOf(deleteIn(open(DR), ['spec', 'subsets', 0]))).toBe(
      DR.replace('  - name: v1 # first\n    labels:\n      version: "v1"\n', ''),
    );
    expect(textOf(deleteIn(open(DR), ['spec', 'subsets', 0, 'labels', 'version']))).toContain(
      '    labels: {}\n',
    );
  });

  it('is a no-op for a missing path', () => {
    expect(textOf(deleteIn(open(DR), ['spec', 'nope']))).toBe(DR);
  });
});

describe('appendIn and moveLast', () => {
  it('appends at the list’s own dash column, indented or not', () => {
    expect(textOf(appendIn(open(DR), ['spec', 'subsets'], { name: 'v3' }))).toContain(
      '    labels: {version: v2}\n  - name: v3\n  x-custom',
    );
    const indented = 'hosts:\n  - a # one\n';
    expect(textOf(appendIn(open(indented), ['hosts'], 'b'))).toBe('hosts:\n  - a # one\n  - b\n');
    expect(textOf(appendIn(open('hosts: [a]\n'), ['hosts'], 'b'))).toBe('hosts: [a, b]\n');
    expect(textOf(appendIn(open('spec:\n  x: 1\n'), ['spec', 'gateways'], 'gw'))).toBe(
      'spec:\n  x: 1\n  gateways:\n  - gw\n',
    );
  });

  it('moves an item with its comments to the end', () => {
    const out = textOf(moveLast(open(DR), ['spec', 'subsets'], 0));
    expect(out).toBe(
      DR.replace('  - name: v1 # first\n    labels:\n      version: "v1"\n', '').replace(
        '    labels: {version: v2}\n',
        '    labels: {version: v2}\n  - name: v1 # first\n    labels:\n      version: "v1"\n',
      ),
    );
  });
});
