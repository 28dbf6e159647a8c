import { describe, expect, it } from 'vitest';
import {
  apply,
  BOOKINFO,
  corpus,
  docRange,
  expectCommentsKept,
  expectOnlyChanged,
  refusal,
} from './test-support';

const KUBE = corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`);
const DR_REVIEWS = corpus(`${BOOKINFO}/networking/destination-rule-reviews.yaml`);
const DR_MTLS = corpus(`${BOOKINFO}/networking/destination-rule-all-mtls.yaml`);
const VS_8020 = corpus(`${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`);
const MIRROR = corpus(
  'wild/redhat-scholars__istio-tutorial__istiofiles_virtual-service-recommendation-v1-mirror-v2.yml',
);
const DR_REC = corpus(
  'wild/redhat-scholars__istio-tutorial__istiofiles_destination-rule-recommendation-v1-v2.yml',
);
const REVIEWS = 'DestinationRule default/reviews';

describe('addSubset', () => {
  it('appends a subset and selects its node', () => {
    const a = apply(DR_REVIEWS, { type: 'addSubset', drRef: REVIEWS, name: 'v4', labels: { version: 'v4' } });
    expect(a.model.destinationRules[0]?.subsets.map((s) => s.name)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(a.select).toBe('subset:default/reviews/v4');
    expect(a.text).toBe(`${DR_REVIEWS}  - name: v4\n    labels:\n      version: v4\n`);
    expect(refusal(DR_REVIEWS, { type: 'addSubset', drRef: REVIEWS, name: 'v1', labels: {} })).toMatch(
      /already/,
    );
  });
});

describe('addSubsetForDeployment', () => {
  // bookinfo.yaml ends with a bare `---`; the DR follows it as the next document.
  const text = KUBE + DR_REVIEWS.replace(/ {2}- name: v3\n {4}labels:\n {6}version: v3\n/, '');

  it('names the subset by the version label', () => {
    const a = apply(text, {
      type: 'addSubsetForDeployment',
      drRef: REVIEWS,
      deploymentRef: 'Deployment default/reviews-v3',
    });
    const dr = a.model.destinationRules[0];
    expect(dr?.subsets.at(-1)).toMatchObject({ name: 'v3', labels: { version: 'v3' } });
    const last = a.parsed.docs.length - 1;
    expectOnlyChanged(a, ...docRange(text, last));
    expectCommentsKept(a);
  });

  it('refuses a version that already has a subset', () => {
    expect(
      refusal(text, {
        type: 'addSubsetForDeployment',
        drRef: REVIEWS,
        deploymentRef: 'Deployment default/reviews-v1',
      }),
    ).toMatch(/already/);
  });
});

describe('createDestinationRule', () => {
  it('appends a document after the last one', () => {
    const a = apply(VS_8020, {
      type: 'createDestinationRule',
      namespace: 'default',
      name: 'reviews',
      host: 'reviews',
      subsets: [{ name: 'v1', labels: { version: 'v1' } }],
    });
    expect(
      a.text.startsWith(`${VS_8020}---\napiVersion: networking.istio.io/v1\nkind: DestinationRule`),
    ).toBe(true);
    expect(a.model.destinationRules[0]?.subsets[0]?.name).toBe('v1');
  });
});

describe('setTrafficPolicy', () => {
  it('replaces the host-level policy only', () => {
    const a = apply(DR_MTLS, {
      type: 'setTrafficPolicy',
      drRef: REVIEWS,
      policy: { loadBalancer: { simple: 'LEAST_REQUEST' } },
    });
    const dr = a.model.destinationRules.find((d) => d.ref === REVIEWS);
    expect(dr?.trafficPolicy).toEqual({ loadBalancer: { simple: 'LEAST_REQUEST' } });
    expectOnlyChanged(a, ...docRange(DR_MTLS, 1));
  });

  it('sets a subset policy and a port-level one, then removes them', () => {
    const a = apply(DR_REVIEWS, {
      type: 'setTrafficPolicy',
      drRef: REVIEWS,
      subset: 'v2',
      policy: { loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s' } } } },
    });
    expect(a.model.destinationRules[0]?.subsets[1]?.trafficPolicy).toEqual({
      loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s' } } },
    });
    const b = apply(a.text, {
      type: 'setTrafficPolicy',
      drRef: REVIEWS,
      port: 9080,
      policy: { connectionPool: { tcp: { maxConnections: 10 } } },
    });
    expect(b.model.destinationRules[0]?.trafficPolicy?.portLevelSettings).toEqual([
      { port: { number: 9080 }, connectionPool: { tcp: { maxConnections: 10 } } },
    ]);
    const c = apply(b.text, { type: 'setTrafficPolicy', drRef: REVIEWS, port: 9080, policy: undefined });
    const d = apply(c.text, { type: 'setTrafficPolicy', drRef: REVIEWS, subset: 'v2', policy: undefined });
    expect(d.model.destinationRules[0]?.subsets[1]?.trafficPolicy).toBeUndefined();
    expect(d.model.destinationRules[0]?.trafficPolicy).toEqual({ loadBalancer: { simple: 'RANDOM' } });
    // Adding and removing policies gives back the very text we started from.
    expect(d.text).toBe(DR_REVIEWS);
  });

  it('refuses an unknown subset', () => {
    expect(
      refusal(DR_REVIEWS, { type: 'setTrafficPolicy', drRef: REVIEWS, subset: 'v9', policy: {} }),
    ).toMatch(/no subset/);
  });
});

describe('renameSubset', () => {
  // The DestinationRule file ends with a bare `---` and no newline.
  const text = `${DR_REC}\n${MIRROR}`;
  const drRef = 'DestinationRule default/recommendation';

  it('renames the subset and, when asked, every destination and mirror using it', () => {
    const a = apply(text, {
      type: 'renameSubset',
      drRef,
      from: 'version-v2',
      to: 'canary',
      updateReferences: true,
    });
    expect(a.model.destinationRules[0]?.subsets.map((s) => s.name)).toContain('canary');
    expect(a.model.virtualServices[0]?.routes[0]?.mirror?.subset).toBe('canary');
    const b = apply(text, {
      type: 'renameSubset',
      drRef,
      from: 'version-v1',
      to: 'stable',
      updateReferences: false,
    });
    expect(b.model.virtualServices[0]?.routes[0]?.destinations[0]?.subset).toBe('version-v1');
  });
});
