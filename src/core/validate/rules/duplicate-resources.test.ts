import { describe, expect, it } from 'vitest';
import { duplicateResources } from './duplicate-resources';
import { corpus, summary } from './testing';

describe('duplicateResources (ITS0105)', () => {
  it('reports a second resource with the same kind, namespace and name, at its name', () => {
    const dr = corpus('istio/samples/bookinfo/networking/destination-rule-reviews.yaml');
    expect(summary(duplicateResources, `${dr}\n---\n${dr}`)).toEqual([
      'ITS0105 DestinationRule default/reviews metadata/name «reviews»',
    ]);
  });

  it('accepts same names of different kinds or namespaces', () => {
    expect(summary(duplicateResources, corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml'))).toEqual(
      [],
    );
    expect(
      summary(
        duplicateResources,
        corpus('istio-analyzer-testdata/virtualservice_conflictingmeshgatewayhosts.yaml'),
      ),
    ).toEqual([]);
  });
});
