import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { hostsOverlap } from '../../model/hosts';
import { drHost } from './dr-host';
import { corpus, runRule, summary } from './testing';

const drDoc = (name: string, host: string) =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}}\nspec:\n  host: "${host}"\n`;
const seDoc = (name: string, hosts: readonly string[]) =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}}\nspec:\n  hosts: ${JSON.stringify(hosts)}\n  ports: [{number: 80, name: http, protocol: HTTP}]\n`;
const serviceDoc = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  ports: [{port: 80}]\n`;

describe('drHost (IST0174)', () => {
  it('reports a DestinationRule whose host matches nothing, at the host', () => {
    expect(summary(drHost, corpus('istio-analyzer-testdata/destinationrule-with-fake-host.yaml'))).toEqual([
      'IST0174 DestinationRule default/fake-host spec/host «fake-svc.default.svc.cluster.local»',
    ]);
  });

  it('accepts hosts of Services and ServiceEntries', () => {
    const text = `${corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml')}
---
${corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml')}
---
${corpus('istio/samples/bookinfo/networking/egress-rule-google-apis.yaml')}`;
    expect(summary(drHost, text)).toEqual([]);
  });

  it('agrees with comparing every rule with every known host', () => {
    const HOSTS = [
      'reviews',
      'reviews.default.svc.cluster.local',
      '*.svc.cluster.local',
      '*',
      'a.example.com',
      '*.example.com',
      '*.com',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...HOSTS), { maxLength: 6 }),
        fc.array(
          fc.subarray(
            HOSTS.filter((h) => h.includes('.') || h === '*'),
            { minLength: 1 },
          ),
          { maxLength: 3 },
        ),
        fc.boolean(),
        (drs, ses, withService) => {
          const text = [
            ...drs.map((h, i) => drDoc(`dr-${i}`, h)),
            ...ses.map((hosts, i) => seDoc(`se-${i}`, hosts)),
            ...(withService ? [serviceDoc('reviews')] : []),
          ]
            .map((x) => `---\n${x}`)
            .join('');
          const d = derive(text);
          const known = [
            ...d.model.services.map((x) => x.fqdn),
            ...d.model.serviceEntries.flatMap((x) => x.fqdns),
          ];
          const expected = d.model.destinationRules
            .filter((dr) => dr.fqdn !== '' && !known.some((h) => hostsOverlap(dr.fqdn, h)))
            .map((dr) => dr.ref);
          expect(drHost(d).map((x) => x.resource)).toEqual(expected);
        },
      ),
      { seed: 20261124, numRuns: 300 },
    );
  }, 60_000);

  it('resolves 2,000 rules for one wildcard and 2,000 rules under another against ServiceEntry hosts', () => {
    const drs = [
      ...Array.from({ length: 2000 }, (_, i) => drDoc(`w-${i}`, '*.example.com')),
      ...Array.from({ length: 2000 }, (_, i) => drDoc(`s-${i}`, `s-${i}.other.com`)),
    ];
    expect(
      runRule(drHost, [...drs, seDoc('se', ['api.example.com', '*.other.com'])].join('---\n')).diags,
    ).toEqual([]);
    expect(runRule(drHost, [...drs, seDoc('se', ['api.example.org'])].join('---\n')).diags).toHaveLength(
      4000,
    );
  }, 60_000);

  it('says "not in this text" (info) while the text is part of a mesh, and nothing when a route lists it', () => {
    const dr = corpus('istio/samples/bookinfo/networking/destination-rule-reviews.yaml');
    const alone = runRule(drHost, dr, { meshComplete: false }).diags;
    expect(alone.map((d) => `${d.severity} ${d.code}`)).toEqual(['info IST0174']);
    expect(alone[0]?.message).toContain('is not in this text');
    expect(runRule(drHost, dr, { meshComplete: true }).diags.map((d) => d.severity)).toEqual(['warning']);
    const vs = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-80-20.yaml');
    expect(runRule(drHost, `${dr}\n---\n${vs}`, { meshComplete: false }).diags).toEqual([]);
  });
});
