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

const JASON = corpus(`${BOOKINFO}/networking/virtual-service-reviews-jason-v2-v3.yaml`);
const GATEWAY = corpus(`${BOOKINFO}/networking/bookinfo-gateway.yaml`);
const REVIEWS = 'VirtualService default/reviews';

describe('addRoute', () => {
  it('appends a route row after the existing ones', () => {
    const a = apply(JASON, {
      type: 'addRoute',
      vsRef: REVIEWS,
      protocol: 'http',
      target: { host: 'reviews', subset: 'v1' },
    });
    const routes = a.model.virtualServices[0]?.routes ?? [];
    expect(routes).toHaveLength(3);
    expect(routes[2]?.destinations[0]?.subset).toBe('v1');
    expect(a.select).toBe('route:default/reviews/http/2/0');
    expectOnlyChanged(a, JASON.trimEnd().length, JASON.length);
  });
});

describe('bindGateway', () => {
  it('adds a gateway to a list that exists', () => {
    const a = apply(GATEWAY, {
      type: 'bindGateway',
      vsRef: 'VirtualService default/bookinfo',
      gateway: 'other-gw',
    });
    expect(a.model.virtualServices[0]?.gateways).toEqual(['bookinfo-gateway', 'other-gw']);
    expectOnlyChanged(a, ...docRange(GATEWAY, 1));
    expectCommentsKept(a);
  });

  it('creates the list, keeping mesh when asked', () => {
    const a = apply(JASON, {
      type: 'bindGateway',
      vsRef: REVIEWS,
      gateway: 'bookinfo-gateway',
      keepMesh: true,
    });
    expect(a.model.virtualServices[0]?.gateways).toEqual(['mesh', 'bookinfo-gateway']);
    expect(
      refusal(GATEWAY, {
        type: 'bindGateway',
        vsRef: 'VirtualService default/bookinfo',
        gateway: 'bookinfo-gateway',
      }),
    ).toMatch(/already/);
  });
});

describe('moveRuleLast and deleteRoute', () => {
  it('moves a catch-all rule to the end', () => {
    const a = apply(JASON, { type: 'moveRuleLast', vsRef: REVIEWS, protocol: 'http', routeIndex: 0 });
    const routes = a.model.virtualServices[0]?.routes ?? [];
    expect(routes.map((r) => r.match.length)).toEqual([0, 1]);
    expect(routes[1]?.destinations[0]?.subset).toBe('v2');
  });

  it('deletes a route', () => {
    const a = apply(JASON, { type: 'deleteRoute', vsRef: REVIEWS, protocol: 'http', routeIndex: 0 });
    expect(a.model.virtualServices[0]?.routes.map((r) => r.destinations[0]?.subset)).toEqual(['v3']);
  });
});

describe('setMatch', () => {
  it('changes the header match in place', () => {
    const a = apply(JASON, {
      type: 'setMatch',
      vsRef: REVIEWS,
      protocol: 'http',
      routeIndex: 0,
      match: [{ headers: { 'end-user': { kind: 'prefix', value: 'ja' } } }],
    });
    expect(a.model.virtualServices[0]?.routes[0]?.match).toEqual([
      { headers: { 'end-user': { prefix: 'ja' } } },
    ]);
  });

  it('adds uri, method and query conditions, and removes them', () => {
    const a = apply(JASON, {
      type: 'setMatch',
      vsRef: REVIEWS,
      protocol: 'http',
      routeIndex: 1,
      match: [
        { uri: { kind: 'prefix', value: '/api' }, method: { kind: 'exact', value: 'GET' } },
        { queryParams: { debug: { kind: 'regex', value: '^1$' } } },
      ],
    });
    expect(a.model.virtualServices[0]?.routes[1]?.match).toEqual([
      { uri: { prefix: '/api' }, method: { exact: 'GET' } },
      { queryParams: { debug: { regex: '^1$' } } },
    ]);
    const b = apply(a.text, {
      type: 'setMatch',
      vsRef: REVIEWS,
      protocol: 'http',
      routeIndex: 1,
      match: undefined,
    });
    expect(b.model.virtualServices[0]?.routes[1]?.match).toEqual([]);
    expect(b.text).toBe(JASON);
  });

  it('keeps match fields the form does not own', () => {
    const text = JASON.replace(
      '    - headers:\n',
      '    - sourceLabels: # who calls\n        app: web\n      headers:\n',
    );
    expect(text).not.toBe(JASON);
    const a = apply(text, {
      type: 'setMatch',
      vsRef: REVIEWS,
      protocol: 'http',
      routeIndex: 0,
      match: [{ uri: { kind: 'exact', value: '/x' } }],
    });
    expect(a.model.virtualServices[0]?.routes[0]?.match).toEqual([
      { sourceLabels: { app: 'web' }, uri: { exact: '/x' } },
    ]);
    expectCommentsKept(a);
  });
});
