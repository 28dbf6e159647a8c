import { describe, expect, it } from 'vitest';
import { gatewayPorts } from './gateway-ports';
import { corpus, runRule, summary } from './testing';

const data = (f: string) => corpus(`istio-analyzer-testdata/${f}`);

describe('gatewayPorts (IST0101 selector, IST0162), on Istio test data', () => {
  it('reports a selector no pod has, at the selector', () => {
    expect(summary(gatewayPorts, data('gateway-no-workload.yaml'))).toEqual([
      'IST0101 Gateway default/httpbin-gateway spec/selector «selector»',
    ]);
  });

  it('reports a server port the gateway Service does not expose, at the port number', () => {
    // The default ingress gateway istioctl assumes exposes 80 but not 8004.
    expect(summary(gatewayPorts, data('gateway-no-port.yaml'))).toEqual([
      'IST0162 Gateway default/httpbin-gateway spec/servers[1]/port/number «8004»',
    ]);
    // The Service port counts, not its targetPort (80 here).
    expect(summary(gatewayPorts, data('gateway-custom-ingressgateway-badport.yaml'))).toEqual([
      'IST0162 Gateway default/httpbin-gateway spec/servers[0]/port/number «80»',
    ]);
    expect(summary(gatewayPorts, data('gateway-custom-ingressgateway-badport-notarget.yaml'))).toEqual([
      'IST0162 Gateway default/httpbin-gateway spec/servers[0]/port/number «8004»',
    ]);
    // Only Services selecting the gateway's own pods count: my-8002 selects other pods.
    expect(summary(gatewayPorts, data('gateway-custom-ingressgateway-svcselector.yaml'))).toEqual([
      'IST0162 Gateway default/httpbin8002-gateway spec/servers[0]/port/number «8002»',
    ]);
  });

  it('accepts ports the Service in front of the pods (or the default ingress gateway) exposes', () => {
    expect(summary(gatewayPorts, data('gateway-correct-port.yaml'))).toEqual([]);
    expect(summary(gatewayPorts, data('gateway-custom-ingressgateway.yaml'))).toEqual([]);
    expect(summary(gatewayPorts, data('gateway-custom-ingressgateway-translation.yaml'))).toEqual([]);
    expect(summary(gatewayPorts, corpus('istio/samples/bookinfo/networking/bookinfo-gateway.yaml'))).toEqual(
      [],
    );
    expect(summary(gatewayPorts, corpus('istio/samples/tcp-echo/tcp-echo-all-v1.yaml'))).toEqual([]);
  });

  it('says how to fix, naming the ports on offer and a warning severity for a missing workload', () => {
    const port = runRule(gatewayPorts, data('gateway-no-port.yaml')).diags[0];
    expect(port?.message).toContain('Use a port the Service exposes (80, 443, 8080, 8443, 15443, 31400)');
    expect(port?.severity).toBe('warning');
    const missing = runRule(gatewayPorts, data('gateway-no-workload.yaml')).diags[0];
    expect(missing?.message).toContain('Referenced selector not found: "istio=ingresstypo"');
    expect(missing?.severity).toBe('warning');
  });
});
