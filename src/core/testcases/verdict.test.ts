import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { createRequest } from '../simulate/request';
import { simulate } from '../simulate/simulate';
import { expectationFrom } from './evaluate';
import { formatExpectation } from './expectation-text';
import { verdictFor } from './verdict';

const B = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const read = (p: string) => readFileSync(join(B, p), 'utf8');
const mesh = (vs: string) =>
  [read('platform/kube/bookinfo.yaml'), read('networking/destination-rule-all.yaml'), vs].join('\n---\n');
const jasonV2 = read('networking/virtual-service-reviews-test-v2.yaml');
const jason = createRequest({
  host: 'reviews',
  headers: { 'end-user': 'jason' },
  sourceLabels: { app: 'productpage' },
});

function verdict(text: string, expectText: string | undefined, request = jason) {
  const d = derive(text);
  return verdictFor(d.model, d.index, request, expectText);
}

describe('verdictFor', () => {
  it('passes when the request goes where the text says, by short name or FQDN', () => {
    expect(verdict(mesh(jasonV2), 'reviews v2')).toEqual({ verdict: 'pass', reason: undefined });
    expect(verdict(mesh(jasonV2), 'reviews.default.svc.cluster.local v2 100%').verdict).toBe('pass');
    expect(verdict(mesh(jasonV2), 'reviews.default v2').verdict).toBe('pass');
    expect(verdict(mesh(jasonV2), 'reviews').verdict).toBe('pass');
    expect(
      verdict(mesh(jasonV2), 'clusters outbound|9080|v2|reviews.default.svc.cluster.local').verdict,
    ).toBe('pass');
  });

  it('fails after an edit sends the request elsewhere, saying where it went', () => {
    const broken = mesh(jasonV2.replace('exact: jason', 'exact: jasper'));
    expect(verdict(broken, 'reviews v2')).toEqual({
      verdict: 'fail',
      reason: 'shares: expected reviews v2 100%, got reviews v1 100%',
    });
    expect(verdict(mesh(jasonV2), 'ratings').verdict).toBe('fail');
  });

  it('checks split shares to half a point', () => {
    const split = mesh(read('networking/virtual-service-reviews-80-20.yaml'));
    expect(verdict(split, 'reviews v1 80%, v2 20%').verdict).toBe('pass');
    expect(verdict(split, 'reviews v1 80.4%, v2 19.6%').verdict).toBe('pass');
    expect(verdict(split, 'reviews v1 81%, v2 19%')).toEqual({
      verdict: 'fail',
      reason: 'shares: expected reviews v1 81%, v2 19%, got reviews v1 80%, v2 20%',
    });
  });

  it('checks a 404 and a redirect', () => {
    const gw = mesh(read('networking/bookinfo-gateway.yaml'));
    const off = createRequest({
      host: 'bookinfo.example.com',
      path: '/admin',
      gateway: 'default/bookinfo-gateway',
    });
    expect(verdict(gw, '404', off).verdict).toBe('pass');
    expect(verdict(gw, 'redirect', off)).toEqual({
      verdict: 'fail',
      reason: 'status: expected redirect, got no-match (404)',
    });
    const on = { ...off, path: '/productpage' };
    expect(verdict(gw, '404', on).reason).toBe('status: expected status 404, got routed');
  });

  it('no expectation is no verdict; an unreadable one fails with the reason', () => {
    expect(verdict(mesh(jasonV2), undefined)).toEqual({ verdict: 'none', reason: undefined });
    expect(verdict(mesh(jasonV2), 'reviews v1 v2 v3').verdict).toBe('fail');
  });

  it('"expect this" records where the request goes now, and that passes', () => {
    const split = mesh(read('networking/virtual-service-reviews-80-20.yaml'));
    const d = derive(split);
    const text = formatExpectation(expectationFrom(simulate(d.model, d.index, jason)));
    expect(text).toBe('reviews v1 80%, v2 20%');
    expect(verdictFor(d.model, d.index, jason, text).verdict).toBe('pass');
    const gw = derive(mesh(read('networking/bookinfo-gateway.yaml')));
    const off = createRequest({ host: 'x', path: '/admin', gateway: 'default/bookinfo-gateway' });
    expect(formatExpectation(expectationFrom(simulate(gw.model, gw.index, off)))).toBe('status 404');
  });
});
