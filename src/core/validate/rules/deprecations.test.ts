import { describe, expect, it } from 'vitest';
import { deprecations } from './deprecations';
import { corpus, runRule, summary } from './testing';

const data = (f: string) => corpus(`istio-analyzer-testdata/${f}`);

describe('deprecations (IST0002), on Istio test data', () => {
  it("reports fault.delay.percent and a Sidecar's egressProxy, at the field; not the EnvoyFilter or QuotaSpec", () => {
    expect(summary(deprecations, data('deprecation.yaml'))).toEqual([
      'IST0002 VirtualService foo/productpage spec/http[0]/fault/delay/percent «50»',
      'IST0002 Sidecar default/no-selector spec/outboundTrafficPolicy/egressProxy «egressProxy»',
    ]);
  });

  it('says what replaces the field', () => {
    const [vs] = runRule(deprecations, data('deprecation.yaml')).diags;
    expect(vs?.message).toContain('use HTTPRoute.fault.delay.percentage');
    expect(vs?.message).toContain('`percentage: { value: 50 }`');
  });

  it('accepts percentage, and a zero percent as istioctl does', () => {
    const text = data('deprecation.yaml');
    expect(
      summary(deprecations, text.replace('percent: 50', 'percentage:\n          value: 50')),
    ).toHaveLength(1);
    expect(summary(deprecations, text.replace('percent: 50', 'percent: 0'))).toHaveLength(1);
    expect(
      summary(
        deprecations,
        corpus('istio/samples/bookinfo/networking/virtual-service-ratings-test-delay.yaml'),
      ),
    ).toEqual([]);
  });

  it('reports a CRD of a removed rbac.istio.io kind', () => {
    const crd =
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: serviceroles.rbac.istio.io\nspec:\n  group: rbac.istio.io\n  names:\n    kind: ServiceRole\n';
    expect(summary(deprecations, crd)).toEqual([
      'IST0002 CustomResourceDefinition default/serviceroles.rbac.istio.io spec/names/kind «ServiceRole»',
    ]);
    expect(summary(deprecations, crd.replace('kind: ServiceRole', 'kind: AuthorizationPolicy'))).toEqual([]);
  });
});
