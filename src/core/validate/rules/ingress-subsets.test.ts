import { describe, expect, it } from 'vitest';
import { ingressSubsets } from './ingress-subsets';
import { corpus, runRule, summary } from './testing';

const data = (f: string) => corpus(`istio-analyzer-testdata/${f}`);

describe('ingressSubsets (IST0140), on Istio test data', () => {
  it('reports a gateway route without subset to a host whose mesh VirtualService picks subsets, at the host', () => {
    expect(summary(ingressSubsets, data('virtualservice_route_rule_no_effects_ingress.yaml'))).toEqual([
      'IST0140 VirtualService default/testing-service-01-test-01 spec/http[0]/route[0]/destination/host «ratings»',
    ]);
    const [d] = runRule(ingressSubsets, data('virtualservice_route_rule_no_effects_ingress.yaml')).diags;
    expect(d?.message).toMatch(
      /^Subset in virtual service default\/ratings-01 has no effect on ingress gateway default\/testing-service-01-test-01 requests.*Name the subset here/,
    );
  });

  it('accepts a gateway route that names its subset, and hosts no mesh VirtualService splits', () => {
    const text = data('virtualservice_route_rule_no_effects_ingress.yaml');
    // Without the mesh VirtualService ratings-01 nothing is bypassed.
    const withoutMesh = text.replace(
      /name: ratings-01[\s\S]*?---/,
      'name: ratings-01\n  namespace: default\nspec:\n  hosts:\n  - other\n---',
    );
    expect(withoutMesh).not.toBe(text);
    expect(summary(ingressSubsets, withoutMesh)).toEqual([]);
    expect(summary(ingressSubsets, data('virtualservice_gateways.yaml'))).toEqual([]);
  });
});
