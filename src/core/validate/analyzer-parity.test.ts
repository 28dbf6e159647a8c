import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';

const DIR = join(__dirname, '../../../test/fixtures/corpus/istio-analyzer-testdata');
const BOOKINFO = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');

/** istioctl codes this project checks; their expected messages must all be reported. */
const IMPLEMENTED = new Set([
  'IST0101',
  'IST0109',
  'IST0112',
  'IST0128',
  'IST0129',
  'IST0130',
  'IST0131',
  'IST0132',
  'IST0165',
  'IST0173',
  'IST0174',
]);

/** Codes in the analyzer test data that we do not check, and why. */
const NOT_IMPLEMENTED: Record<string, string> = {
  IST0002: 'deprecated fields: a per-field catalogue of Istio deprecations that changes every release',
  IST0140: 'subset on ingress-gateway routes: needs the gateway deployment model (which pods are ingress)',
  IST0145: 'conflicting gateways: needs gateway pod selection across namespaces (planned next)',
  IST0149: 'JWT claim routing: needs RequestAuthentication analysis, a kind the editor does not model',
};

/** Codes each analyzer reports, to check that a case expecting nothing gets nothing from us either. */
const ANALYZER_CODES: Record<string, string[]> = {
  'destinationrule.CaCertificateAnalyzer{}': ['IST0128', 'IST0129'],
  'destinationrule.PodNotSelectedAnalyzer{}': ['IST0173', 'IST0174'],
  'gateway.ConflictingGatewayAnalyzer{}': ['IST0145'],
};

interface Expected {
  code: string;
  resource: string;
}
interface Case {
  test_case: string;
  input_files: string[];
  analyzer: string;
  expected: Expected[];
}

const cases = (JSON.parse(readFileSync(join(DIR, 'expected-cases.json'), 'utf8')) as { cases: Case[] }).cases;

/** istioctl omits the namespace when the input has none; the model assumes `default`. */
function normalise(resource: string): string {
  const space = resource.indexOf(' ');
  const rest = resource.slice(space + 1);
  return rest.includes('/') ? resource : `${resource.slice(0, space)} default/${rest}`;
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/**
 * Findings of a case's own codes beyond what istioctl's test expects, each meant. istioctl's test runs one analyzer
 * per case; we run every check, so a subset without DestinationRule (DestinationRuleAnalyzer) shows up in the
 * DestinationHostAnalyzer case and the other way round. `code resource` strings; repeats count.
 */
const SUBSET_NO_DR = 'IST0101 subset with no DestinationRule in the file';
const HOST_NO_SERVICE = 'IST0101 host with no Service in the file';
const INTENDED_EXTRAS: Record<string, { finding: string; why: string }[]> = {
  virtualServiceConflictingMeshGatewayHosts: [
    {
      finding: 'IST0109 VirtualService bar/ratings',
      why: 'we report each conflicting host (google.com as well as ratings)',
    },
  ],
  virtualServiceDestinationHosts: [
    ...[
      'reviews',
      'reviews-bogushost',
      'reviews-fqdn',
      'reviews-mirror',
      'reviews-mirror',
      'reviews-mirror-bogushost',
      'reviews-mirror-bogushost',
      'reviews-2port-missing',
      'reviews-2port-present',
      'reviews-bogusport',
    ].map((n) => ({ finding: `IST0101 VirtualService default/${n}`, why: SUBSET_NO_DR })),
  ],
  virtualServiceDestinationRules: [
    ...[
      'reviews',
      'reviews-bogussubset',
      'reviews-fqdn',
      'reviews-mirror',
      'reviews-mirror',
      'reviews-mirror-bogussubset',
      'reviews-mirror-bogussubset',
    ].map((n) => ({ finding: `IST0101 VirtualService default/${n}`, why: HOST_NO_SERVICE })),
  ],
  dupmatches: [
    {
      finding: 'IST0130 VirtualService default/overlapping-in-two-matches',
      why: 'its only match is covered by the shorter prefix of the rule before, so the whole rule is unreachable',
    },
  ],
};

describe('parity with istioctl analyze on its own test data', () => {
  it('knows every code in expected.json as implemented or not', () => {
    const codes = new Set(cases.flatMap((c) => c.expected.map((e) => e.code)));
    for (const code of codes) expect(IMPLEMENTED.has(code) || code in NOT_IMPLEMENTED, code).toBe(true);
    expect(Object.keys(INTENDED_EXTRAS).every((t) => cases.some((c) => c.test_case === t))).toBe(true);
  });

  for (const c of cases) {
    const wanted = c.expected.filter((e) => IMPLEMENTED.has(e.code));
    it(`${c.test_case} (${c.input_files.join(' + ')}): ${wanted.length} expected message(s)`, () => {
      const text = c.input_files.map((f) => readFileSync(join(DIR, f), 'utf8')).join('\n---\n');
      const { diagnostics } = derive(text);
      const got = countBy(diagnostics.map((d) => `${d.code} ${d.resource ?? ''}`));
      for (const [key, n] of countBy(wanted.map((e) => `${e.code} ${normalise(e.resource)}`))) {
        expect(got.get(key) ?? 0, key).toBeGreaterThanOrEqual(n);
      }
      // Our findings of the codes this case checks, beyond the expected ones, are exactly the listed extras.
      const caseCodes = new Set(
        c.expected.length ? c.expected.map((e) => e.code) : (ANALYZER_CODES[c.analyzer] ?? []),
      );
      const extra = countBy(
        diagnostics.filter((d) => caseCodes.has(d.code)).map((d) => `${d.code} ${d.resource ?? ''}`),
      );
      for (const e of wanted) {
        const key = `${e.code} ${normalise(e.resource)}`;
        extra.set(key, (extra.get(key) ?? 0) - 1);
      }
      const listed = countBy((INTENDED_EXTRAS[c.test_case] ?? []).map((x) => x.finding));
      expect(new Map([...extra].filter(([, n]) => n > 0))).toEqual(listed);
    });
  }
});

describe('Istio bookinfo, applied as its docs do', () => {
  const base = ['platform/kube/bookinfo.yaml', 'networking/destination-rule-all.yaml'];
  const vsFiles = [
    'virtual-service-all-v1.yaml',
    'virtual-service-details-v2.yaml',
    'virtual-service-ratings-db.yaml',
    'virtual-service-ratings-mysql-vm.yaml',
    'virtual-service-ratings-mysql.yaml',
    'virtual-service-ratings-test-abort.yaml',
    'virtual-service-ratings-test-delay.yaml',
    'virtual-service-reviews-50-v3.yaml',
    'virtual-service-reviews-80-20.yaml',
    'virtual-service-reviews-90-10.yaml',
    'virtual-service-reviews-jason-v2-v3.yaml',
    'virtual-service-reviews-test-v2.yaml',
    'virtual-service-reviews-v2-v3.yaml',
    'virtual-service-reviews-v3.yaml',
  ];
  for (const vs of vsFiles) {
    it(`bookinfo + destination-rule-all + ${vs} has no errors`, () => {
      const text = [...base, `networking/${vs}`]
        .map((f) => readFileSync(join(BOOKINFO, f), 'utf8'))
        .join('\n---\n');
      const { diagnostics, model } = derive(text);
      expect(model.virtualServices.length).toBeGreaterThan(0);
      expect(
        diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.resource} ${d.message}`),
      ).toEqual([]);
    });
  }
});
