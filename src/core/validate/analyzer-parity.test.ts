import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { CODES } from './codes';

const DIR = join(__dirname, '../../../test/fixtures/corpus/istio-analyzer-testdata');
const BOOKINFO = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');

/** Test cases in `analyzers_test.go` at the corpus snapshot (istio/istio 86c9f01), as counted when it was copied. */
const ISTIO_CASES = 104;

/** istioctl codes this project checks: every istioctl code in the catalogue. */
const IMPLEMENTED = new Set(
  Object.entries(CODES)
    .filter(([, info]) => info.source === 'istioctl')
    .map(([code]) => code),
);

/** Codes in the analyzer test data that we do not check, and why. */
const NOT_IMPLEMENTED: Record<string, string> = {
  IST0149: 'JWT claim routing: needs RequestAuthentication analysis, a kind the editor does not model',
};

/** Codes each analyzer reports, to check that a case expecting nothing gets nothing from us either. */
const ANALYZER_CODES: Record<string, string[]> = {
  'destinationrule.CaCertificateAnalyzer{}': ['IST0128', 'IST0129'],
  'destinationrule.PodNotSelectedAnalyzer{}': ['IST0173', 'IST0174'],
  'gateway.ConflictingGatewayAnalyzer{}': ['IST0145'],
  'gateway.IngressGatewayPortAnalyzer{}': ['IST0101', 'IST0162'],
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
interface NotCopied {
  test_case: string;
  codes: string[];
  why: string;
}

const read = <T>(f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as T;
const gatewayFile = read<{ cases: Case[]; not_copied: NotCopied[] }>('expected-gateway-cases.json');
/** The 36 cases copied with the corpus, then the 8 gateway port cases copied later. */
const cases = [...read<{ cases: Case[] }>('expected-cases.json').cases, ...gatewayFile.cases];

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

/** The codes a case is about: those it expects, or for a case expecting nothing, those its analyzer reports. */
function caseCodes(c: Case): string[] {
  return c.expected.length ? [...new Set(c.expected.map((e) => e.code))] : (ANALYZER_CODES[c.analyzer] ?? []);
}

/** Why a case cannot fail yet (none of its codes is checked), or undefined when it runs. */
function todoReason(c: Case): string | undefined {
  const codes = caseCodes(c);
  if (codes.length === 0) return `no code known for ${c.analyzer}`;
  if (codes.some((code) => IMPLEMENTED.has(code))) return undefined;
  return codes
    .map((code) => `${code} not implemented (${NOT_IMPLEMENTED[code] ?? 'no reason listed'})`)
    .join('; ');
}

/**
 * Findings of a case's own codes beyond what istioctl's test expects. istioctl's test runs one analyzer per case; we
 * run every check, so a subset without DestinationRule (DestinationRuleAnalyzer) shows up in the DestinationHostAnalyzer
 * case and the other way round: `other-check`. A `divergence` is a finding istioctl would not make at all.
 * `code resource` strings; repeats count.
 */
type Extra = { finding: string; kind: 'other-check' | 'divergence'; why: string };
const SUBSET_NO_DR = 'IST0101 subset with no DestinationRule in the file (DestinationRuleAnalyzer)';
const HOST_NO_SERVICE = 'IST0101 host with no Service in the file (DestinationHostAnalyzer)';
const INTENDED_EXTRAS: Record<string, Extra[]> = {
  virtualServiceConflictingMeshGatewayHosts: [
    {
      finding: 'IST0109 VirtualService bar/ratings',
      kind: 'divergence',
      why: 'we report each conflicting host (google.com as well as ratings); istioctl one message per VirtualService',
    },
  ],
  virtualServiceDestinationHosts: [
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
  ].map((n) => ({ finding: `IST0101 VirtualService default/${n}`, kind: 'other-check', why: SUBSET_NO_DR })),
  virtualServiceDestinationRules: [
    'reviews',
    'reviews-bogussubset',
    'reviews-fqdn',
    'reviews-mirror',
    'reviews-mirror',
    'reviews-mirror-bogussubset',
    'reviews-mirror-bogussubset',
  ].map((n) => ({
    finding: `IST0101 VirtualService default/${n}`,
    kind: 'other-check',
    why: HOST_NO_SERVICE,
  })),
  dupmatches: [
    {
      finding: 'IST0130 VirtualService default/overlapping-in-two-matches',
      kind: 'divergence',
      why: 'its only match is covered by the shorter prefix of the rule before, so the whole rule is unreachable',
    },
  ],
};

interface Outcome {
  matched: number;
  extra: Map<string, number>;
}

/** Runs every check on a case's files: expected messages we report, and findings of its codes beyond them. */
function run(c: Case): Outcome {
  const text = c.input_files.map((f) => readFileSync(join(DIR, f), 'utf8')).join('\n---\n');
  const { diagnostics } = derive(text, { meshComplete: true });
  const got = countBy(diagnostics.map((d) => `${d.code} ${d.resource ?? ''}`));
  const want = countBy(c.expected.map((e) => `${e.code} ${normalise(e.resource)}`));
  let matched = 0;
  for (const [key, n] of want) matched += Math.min(n, got.get(key) ?? 0);
  const codes = new Set(caseCodes(c));
  const extra = new Map<string, number>();
  for (const [key, n] of got) {
    const over = n - (want.get(key) ?? 0);
    if (codes.has(key.slice(0, key.indexOf(' '))) && over > 0) extra.set(key, over);
  }
  return { matched, extra };
}

describe('parity with istioctl analyze on its own test data', () => {
  it('knows every code in the test data as implemented or not, and lists extras only for real cases', () => {
    const codes = new Set(cases.flatMap(caseCodes));
    for (const code of codes) expect(IMPLEMENTED.has(code) || code in NOT_IMPLEMENTED, code).toBe(true);
    expect(Object.keys(INTENDED_EXTRAS).every((t) => cases.some((c) => c.test_case === t))).toBe(true);
  });

  for (const c of cases) {
    const title = `${c.test_case} (${c.input_files.join(' + ')})`;
    const todo = todoReason(c);
    if (todo) {
      it.todo(`${title} — ${todo}`);
      continue;
    }
    const wanted = c.expected.filter((e) => IMPLEMENTED.has(e.code));
    it(`${title}: ${wanted.length} expected message(s)`, () => {
      const text = c.input_files.map((f) => readFileSync(join(DIR, f), 'utf8')).join('\n---\n');
      const got = countBy(
        derive(text, { meshComplete: true }).diagnostics.map((d) => `${d.code} ${d.resource ?? ''}`),
      );
      for (const [key, n] of countBy(wanted.map((e) => `${e.code} ${normalise(e.resource)}`))) {
        expect(got.get(key) ?? 0, key).toBeGreaterThanOrEqual(n);
      }
      // Our findings of the codes this case checks, beyond the expected ones, are exactly the listed extras.
      const listed = countBy((INTENDED_EXTRAS[c.test_case] ?? []).map((x) => x.finding));
      expect(run(c).extra).toEqual(listed);
    });
  }

  for (const n of gatewayFile.not_copied) {
    it.todo(`${n.test_case} — not copied: ${n.codes.join(', ')}: ${n.why}`);
  }

  it('reaches the figure the README states', () => {
    const outcomes = cases.map(run);
    const expected = cases.reduce((sum, c) => sum + c.expected.length, 0);
    const matched = outcomes.reduce((sum, o) => sum + o.matched, 0);
    const extras = Object.values(INTENDED_EXTRAS).flat();
    const divergences = extras.filter((x) => x.kind === 'divergence').length;
    const todo = cases.filter((c) => todoReason(c) !== undefined).map((c) => c.test_case);
    const figure =
      `${matched} of ${expected} expected messages over ${cases.length} of Istio's ${ISTIO_CASES} analyzer cases ` +
      `(${todo.length} not run: ${todo.join(', ') || 'none'}), ${extras.length} extra findings tolerated, ` +
      `${divergences} of them real divergences`;
    console.log(`istioctl parity: ${figure}`);
    expect({
      matched,
      expected,
      cases: cases.length,
      todo: todo.length,
      extras: extras.length,
      divergences,
    }).toEqual(FIGURE);
  });
});

/** The figure the README states; update both together. */
const FIGURE = { matched: 84, expected: 85, cases: 44, todo: 1, extras: 19, divergences: 2 };

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
      const { diagnostics, model } = derive(text, { meshComplete: true });
      expect(model.virtualServices.length).toBeGreaterThan(0);
      expect(
        diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.resource} ${d.message}`),
      ).toEqual([]);
    });
  }
});
