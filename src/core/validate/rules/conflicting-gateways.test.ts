import { describe, expect, it } from 'vitest';
import { conflictingGateways } from './conflicting-gateways';
import { corpus, runRule, summary } from './testing';

const data = (f: string) => corpus(`istio-analyzer-testdata/${f}`);

describe('conflictingGateways (IST0145), on Istio test data', () => {
  it('reports both gateways declaring one host on one port for the same selector, at the hosts', () => {
    expect(summary(conflictingGateways, data('conflicting-gateways.yaml'))).toEqual([
      'IST0145 Gateway default/beta spec/servers[0]/hosts «hosts»',
      'IST0145 Gateway default/alpha spec/servers[0]/hosts «hosts»',
    ]);
    // Only the shared port 90 conflicts; 80 and 70 are each used once.
    expect(summary(conflictingGateways, data('conflicting-gateways-multiple-ports.yaml'))).toEqual([
      'IST0145 Gateway default/beta spec/servers[1]/hosts «hosts»',
      'IST0145 Gateway default/alpha spec/servers[1]/hosts «hosts»',
    ]);
  });

  it('sees a selector inside another one when a pod matches both', () => {
    expect(summary(conflictingGateways, data('conflicting-gateways-subSelector.yaml'))).toHaveLength(2);
    const noPod =
      data('conflicting-gateways-subSelector.yaml').split('---\napiVersion: v1\nkind: Pod')[0] ?? '';
    expect(summary(conflictingGateways, noPod)).toEqual([]);
  });

  it('finds gateways inside a kind: List', () => {
    expect(
      summary(conflictingGateways, data('analyze-list-type.yaml')).map((s) => s.split(' spec')[0]),
    ).toEqual([
      'IST0145 Gateway default/alpha',
      'IST0145 Gateway default/beta-l',
      'IST0145 Gateway default/alpha-l',
    ]);
  });

  it('accepts different ports, different hosts and different binds', () => {
    expect(summary(conflictingGateways, data('gateway-different-port.yaml'))).toEqual([]);
    expect(summary(conflictingGateways, data('conflicting-gateways-invalid-port.yaml'))).toEqual([]);
    const bound = data('conflicting-gateways.yaml').replace(
      '  - port:\n      number: 80\n      name: http\n',
      '  - bind: 10.0.0.1\n    port:\n      number: 80\n      name: http\n',
    );
    expect(bound).not.toBe(data('conflicting-gateways.yaml'));
    expect(summary(conflictingGateways, bound)).toEqual([]);
  });

  it("names the other gateway, the selector, the port and the hosts, as istioctl's message does", () => {
    const [d] = runRule(conflictingGateways, data('conflicting-gateways.yaml')).diags;
    expect(d?.message).toMatch(
      /^Conflict with gateways default\/alpha \(workload selector istio=ingressgateway, port 80, hosts foo\.bar\)\. .*Merge the servers/,
    );
    expect(d?.severity).toBe('error');
  });
});
