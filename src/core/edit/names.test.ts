import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { gatewayReference, hostFor, inferHost, istioApiVersion, nextVersion, uniqueName } from './names';
import { BOOKINFO, corpus, modelOf } from './test-support';

const model = modelOf(
  parseText(
    corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`) +
      corpus(`${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`),
  ),
);

describe('names', () => {
  it('picks the first free name', () => {
    expect(uniqueName(model, 'VirtualService', 'default', 'reviews-vs')).toBe('reviews-vs');
    expect(uniqueName(model, 'VirtualService', 'default', 'reviews')).toBe('reviews-2');
    expect(uniqueName(model, 'VirtualService', 'other', 'reviews')).toBe('reviews');
  });

  it('offers the next version of an app', () => {
    expect(nextVersion(model, 'reviews')).toBe('v4');
    expect(nextVersion(model, 'details')).toBe('v2');
    expect(nextVersion(model, 'nothing')).toBe('v1');
  });

  it('infers a host no VirtualService routes yet', () => {
    expect(inferHost(model, 'default')).toBe('details');
    expect(inferHost(model, 'default', 'ratings')).toBe('ratings');
    expect(inferHost(model, 'empty', 'x')).toBe('x');
  });

  it('names hosts and gateways across namespaces', () => {
    expect(hostFor('reviews', 'default', 'default')).toBe('reviews');
    expect(hostFor('reviews', 'default', 'shop')).toBe('reviews.default.svc.cluster.local');
    expect(gatewayReference('default', 'istio-system', 'gw')).toBe('istio-system/gw');
    expect(gatewayReference('default', 'default', 'gw')).toBe('gw');
    expect(istioApiVersion(model)).toBe('networking.istio.io/v1');
  });
});
