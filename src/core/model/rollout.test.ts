import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { describeRollout, isRollout } from './rollout';

const ARGO = join(__dirname, '../../../test/fixtures/argo-rollouts');
const fixture = (name: string) => readFileSync(join(ARGO, name), 'utf8');
const SUBSET_SPLIT = fixture('istio-subset-split.yaml');
const HOST_SPLIT = fixture('istio-host-split.yaml');
/** The same text without its Rollout document (the last one): what the checks saw before Rollouts were read. */
const withoutRollout = (text: string) => text.slice(0, text.lastIndexOf('---\napiVersion: argoproj.io'));

describe('Argo Rollouts as workloads', () => {
  it('reads a Rollout with subset-level splitting: pod labels, DestinationRule subsets and VirtualService routes', () => {
    const { model } = derive(SUBSET_SPLIT);
    const [w] = model.workloads;
    expect(w && isRollout(w)).toBe(true);
    if (!w || !isRollout(w)) return;
    expect(w.ref).toBe('Rollout default/istio-subset-split');
    expect(w.podLabels).toEqual({ app: 'istio-subset-split' });
    expect(w.images).toEqual(['nginx:1.19-alpine']);
    expect(w.rollout).toEqual({
      strategy: 'canary',
      canaryService: undefined,
      stableService: undefined,
      activeService: undefined,
      previewService: undefined,
      virtualServices: [{ name: 'istio-subset-split-vsvc', routes: ['primary'], tlsRoutes: 0, tcpRoutes: 0 }],
      destinationRule: {
        name: 'istio-subset-split-destrule',
        canarySubsetName: 'canary',
        stableSubsetName: 'stable',
      },
      workloadRef: undefined,
    });
    expect(describeRollout(w.rollout)).toBe(
      'subsets stable/canary of istio-subset-split-destrule via istio-subset-split-vsvc[primary]',
    );
  });

  it('reads host-level splitting (canary and stable Services) and the newer virtualServices list', () => {
    const w = derive(HOST_SPLIT).model.workloads[0];
    expect(w && isRollout(w) && describeRollout(w.rollout)).toBe(
      'services istio-host-split-stable/istio-host-split-canary via istio-host-split-vsvc[primary]',
    );
    const list = HOST_SPLIT.replace(
      'virtualService: \n            name: istio-host-split-vsvc',
      'virtualServices:\n          - name: vs-1\n            routes: [a]\n          - name: vs-2',
    ).replace('            routes:\n            - primary\n', '');
    const w2 = derive(list).model.workloads[0];
    expect(w2 && isRollout(w2) && w2.rollout.virtualServices.map((v) => v.name)).toEqual(['vs-1', 'vs-2']);
  });

  it('takes the selector as pod labels when the Rollout runs a referenced Deployment (workloadRef)', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  strategy: {blueGreen: {activeService: web-active, previewService: web-preview}}`;
    const w = derive(text).model.workloads[0];
    expect(w?.podLabels).toEqual({ app: 'web' });
    expect(w && isRollout(w) && w.rollout.workloadRef).toBe('web');
    expect(w && isRollout(w) && describeRollout(w.rollout)).toBe('active web-active, preview web-preview');
  });

  it('gives its subsets and Services pods: no "selects no pods", where without the Rollout there is', () => {
    const codes = (text: string) => derive(text).diagnostics.map((d) => `${d.code} ${d.resource}`);
    expect(codes(SUBSET_SPLIT)).toEqual([]);
    expect(codes(HOST_SPLIT)).toEqual([]);
    expect(codes(withoutRollout(SUBSET_SPLIT))).toEqual([
      'IST0173 DestinationRule default/istio-subset-split-destrule',
      'IST0173 DestinationRule default/istio-subset-split-destrule',
    ]);
    // A text with other workloads checks Service selectors: the Rollout's pods count.
    const deployment = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: other}
spec:
  selector: {matchLabels: {app: other}}
  template:
    metadata: {labels: {app: other, version: v1}}
    spec: {containers: [{name: other, image: nginx}]}
`;
    expect(codes(`${HOST_SPLIT}${deployment}`)).toEqual([]);
    expect(codes(`${withoutRollout(HOST_SPLIT)}${deployment}`)).toEqual([
      'ITS0104 Service default/istio-host-split-canary',
      'ITS0104 Service default/istio-host-split-stable',
    ]);
  });

  it('draws a Rollout as a deployment node that says what it shifts, with its subsets selecting it', () => {
    const { graph } = derive(SUBSET_SPLIT);
    const node = graph.nodes.find((n) => n.id === 'deployment:default/istio-subset-split');
    expect(node).toMatchObject({ kind: 'deployment', workloadKind: 'Rollout' });
    expect(node?.kind === 'deployment' && node.rollout).toContain('stable/canary');
    expect(graph.edges.filter((e) => e.kind === 'selects').map((e) => e.source)).toEqual([
      'subset:default/istio-subset-split-destrule/stable',
      'subset:default/istio-subset-split-destrule/canary',
      'service:default/istio-subset-split',
    ]);
  });

  it('leaves a Rollout of another API group alone', () => {
    const text = SUBSET_SPLIT.replace('argoproj.io/v1alpha1', 'example.com/v1');
    expect(derive(text).model.workloads).toEqual([]);
  });
});
