import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { emptyClusters } from '../../envoy';
import { emptySeClusters } from './empty-se-clusters';
import { corpus, summary } from './testing';

// Istio's own test config: a STATIC ServiceEntry with one unlabelled endpoint, and a DestinationRule whose
// subsets v1 and v2 select by `version`.
const DEST_ALL = corpus('istio/tests/testdata/config/destination-rule-all.yaml');
const ENDPOINT = '    - address: 127.0.0.2\n';

describe('ITS0131 empty-se-clusters (503 UH: an Envoy cluster without endpoints)', () => {
  it('reports subsets of a STATIC ServiceEntry host that no endpoint carries, as core/envoy finds them', () => {
    expect(summary(emptySeClusters, DEST_ALL)).toEqual([
      'ITS0131 DestinationRule testns/destall spec/subsets[0]/labels «labels»',
      'ITS0131 DestinationRule testns/destall spec/subsets[1]/labels «labels»',
    ]);
    const sidecar = { kind: 'sidecar' as const, namespace: 'testns', labels: {} };
    expect(emptyClusters(derive(DEST_ALL).model, sidecar).map((c) => c.cluster)).toEqual([
      'outbound|81|v1|destall.default.svc.cluster.local',
      'outbound|81|v2|destall.default.svc.cluster.local',
    ]);
  });

  it('accepts a subset an endpoint carries the labels of', () => {
    const labelled = DEST_ALL.replace(ENDPOINT, `${ENDPOINT}      labels: {version: v1}\n`);
    expect(summary(emptySeClusters, labelled)).toEqual([
      'ITS0131 DestinationRule testns/destall spec/subsets[1]/labels «labels»',
    ]);
  });

  it('says it once on a STATIC ServiceEntry without endpoints, not on each subset', () => {
    const bare = DEST_ALL.replace(`   endpoints:\n${ENDPOINT}      ports:\n        http: 7072\n`, '');
    expect(summary(emptySeClusters, bare)).toEqual([
      'ITS0131 ServiceEntry testns/destall spec/resolution «STATIC»',
    ]);
    expect(summary(emptySeClusters, bare.replace('resolution: STATIC', 'resolution: DNS'))).toEqual([]);
  });

  it('leaves subsets of Kubernetes Services to IST0173 (bookinfo ratings v2-mysql has no Deployment)', () => {
    const text = [
      corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml'),
      corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml'),
    ].join('\n---\n');
    expect(summary(emptySeClusters, text)).toEqual([]);
  });
});
