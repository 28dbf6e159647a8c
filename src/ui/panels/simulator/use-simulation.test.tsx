// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../../test-support/react-root';
import type { MeshIndex } from '../../../core/graph/build-graph';
import type { MeshModel } from '../../../core/model/types';
import { createRequest } from '../../../core/simulate/request';
import type { SimRequest } from '../../../core/simulate/types';
import { useSimulation } from './use-simulation';

const dom = reactRootPerTest();

/** A derivation whose index, as after a patched keystroke, is built when first read: counts the reads. */
function lazyDerived(resources: number) {
  const reads = { count: 0 };
  const model = { resources: Array.from({ length: resources }) } as unknown as MeshModel;
  const derived = {
    model,
    get index(): MeshIndex {
      reads.count++;
      return {} as MeshIndex;
    },
  };
  return { derived, reads };
}

function Probe(props: {
  derived: { model: MeshModel; index: MeshIndex };
  request: SimRequest | undefined;
  run: (m: MeshModel, i: MeshIndex, r: SimRequest) => string;
}) {
  const out = useSimulation(props.derived, props.request, props.run);
  return <span>{out ?? 'none'}</span>;
}

describe('useSimulation', () => {
  it('does not build the index while no request is traced (a canvas redraw on every key must not pay it)', () => {
    const { derived, reads } = lazyDerived(10);
    const run = vi.fn(() => 'ran');
    act(() => dom.root().render(<Probe derived={derived} request={undefined} run={run} />));
    expect([dom.host().textContent, reads.count, run.mock.calls.length]).toEqual(['none', 0, 0]);
    act(() =>
      dom.root().render(<Probe derived={derived} request={createRequest({ host: 'reviews' })} run={run} />),
    );
    expect([dom.host().textContent, reads.count, run.mock.calls.length]).toEqual(['ran', 1, 1]);
  });
});
