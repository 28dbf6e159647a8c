import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../core/derive';
import { CUSTOM_PROXY, labelsText, proxyOptions, resolveProxy } from './proxy-options';

const model = (file: string) => derive(readFileSync(`src/examples/${file}`, 'utf8')).model;
const custom = {
  kind: 'gateway' as const,
  namespace: ' istio-system ',
  labels: 'istio=ingressgateway, x = y',
};

describe('proxyOptions', () => {
  it('offers each Deployment of bookinfo as its sidecar, with its pod labels', () => {
    const opts = proxyOptions(model('bookinfo-canary.yaml'));
    expect(opts.map((o) => o.label)).toEqual([
      'sidecar of default/reviews-v1',
      'sidecar of default/reviews-v2',
      'sidecar of default/reviews-v3',
    ]);
    expect(opts[1]?.proxy).toEqual({
      kind: 'sidecar',
      namespace: 'default',
      labels: { app: 'reviews', version: 'v2' },
    });
  });

  it('offers a Gateway as the gateway its selector picks', () => {
    const gw = proxyOptions(model('gateway-ingress.yaml')).find((o) => o.proxy.kind === 'gateway');
    expect(gw?.label).toBe('gateway default/httpbin-gateway');
    expect(gw?.proxy.labels).toEqual({ istio: 'ingressgateway' });
  });
});

describe('resolveProxy', () => {
  const opts = proxyOptions(model('bookinfo-canary.yaml'));
  it('keeps the picked workload by key', () => {
    expect(resolveProxy('sidecar:Deployment default/reviews-v3', opts, custom)?.proxy.labels.version).toBe(
      'v3',
    );
  });
  it('falls back to the first option when the picked resource is gone', () => {
    expect(resolveProxy('sidecar:Deployment default/deleted', opts, custom)?.key).toBe(
      'sidecar:Deployment default/reviews-v1',
    );
  });
  it('reads the typed namespace and labels', () => {
    expect(resolveProxy(CUSTOM_PROXY, opts, custom)?.proxy).toEqual({
      kind: 'gateway',
      namespace: 'istio-system',
      labels: { istio: 'ingressgateway', x: 'y' },
    });
    expect(resolveProxy(CUSTOM_PROXY, [], { ...custom, namespace: '' })?.proxy.namespace).toBe('default');
  });
  it('has nothing to show for a text without workloads or gateways', () => {
    expect(resolveProxy('', [], custom)).toBeUndefined();
  });
});

it('labelsText writes labels back as the typed form reads them', () => {
  expect(labelsText({ app: 'reviews', version: 'v1' })).toBe('app=reviews, version=v1');
});
