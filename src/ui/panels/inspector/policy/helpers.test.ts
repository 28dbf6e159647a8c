import { describe, expect, it } from 'vitest';
import { parsePath, setField } from './form-path';
import { hashBy, lbKind, policyErrors, withHashBy, withLbKind } from './lb-model';
import { formatOrigins, parseList, parseNumber, parseOrigins, parsePairs, portProblem } from './parse-input';
import { featureSummaries } from './route-summary';

describe('form paths', () => {
  it('splits keys and indexes', () => {
    expect(parsePath('portLevelSettings[1].tls.mode')).toEqual(['portLevelSettings', 1, 'tls', 'mode']);
    expect(parsePath('timeout')).toEqual(['timeout']);
  });
  it('sets a field and drops groups emptied by clearing', () => {
    const f = { outlierDetection: { interval: '1s', baseEjectionTime: undefined }, tls: { mode: 'SIMPLE' } };
    expect(setField(f, 'outlierDetection.interval', undefined)).toEqual({ tls: { mode: 'SIMPLE' } });
    expect(setField(f, 'connectionPool.tcp.maxConnections', 5)).toMatchObject({
      connectionPool: { tcp: { maxConnections: 5 } },
    });
    expect(setField({}, 'outlierDetection', {})).toEqual({ outlierDetection: {} });
    expect(f.outlierDetection.interval).toBe('1s');
  });
});

describe('load balancer kinds', () => {
  it('switches kinds keeping locality', () => {
    const lb = { simple: 'RANDOM', localityLbSetting: { enabled: true } };
    expect(lbKind(lb)).toBe('simple');
    expect(withLbKind(lb, 'hash')).toMatchObject({
      consistentHash: {},
      simple: undefined,
      localityLbSetting: { enabled: true },
    });
    expect(lbKind(withLbKind(lb, 'none'))).toBe('none');
    expect(withLbKind(undefined, 'simple').simple).toBe('ROUND_ROBIN');
  });
  it('switches the hash key', () => {
    const h = withHashBy({ httpCookie: { name: 'u' } }, 'header');
    expect(hashBy(h)).toBe('header');
    expect(h.httpCookie).toBeUndefined();
    expect(hashBy(withHashBy(h, 'sourceIp'))).toBe('sourceIp');
  });
  it('blocks a hash key chosen but not named, and an unnamed cookie', () => {
    const paths = (f: Parameters<typeof policyErrors>[0]) => policyErrors(f).map((e) => e.path);
    expect(paths({ loadBalancer: { consistentHash: { httpHeaderName: '' } } })).toContain(
      'loadBalancer.consistentHash.httpHeaderName',
    );
    expect(paths({ loadBalancer: { consistentHash: { httpCookie: {} } } })).toContain(
      'loadBalancer.consistentHash.httpCookie.name',
    );
    expect(paths({ loadBalancer: { consistentHash: { httpCookie: { name: 'u', ttl: '0s' } } } })).toEqual([]);
    expect(paths({ outlierDetection: { interval: '10' } })).toEqual(['outlierDetection.interval']);
  });
});

describe('inputs', () => {
  it('parses numbers, lists, pairs and origins', () => {
    expect(parseNumber('12')).toEqual({ value: 12 });
    expect(parseNumber('1.5')).toHaveProperty('error');
    expect(parseNumber('1.5', false)).toEqual({ value: 1.5 });
    expect(parseNumber(' ')).toEqual({ value: undefined });
    expect(parseNumber('abc')).toHaveProperty('error');
    expect(parseList('GET, POST,')).toEqual({ value: ['GET', 'POST'] });
    expect(parsePairs('x-a: 1\nx-b: two: 2')).toEqual({ value: { 'x-a': '1', 'x-b': 'two: 2' } });
    expect(parsePairs('nocolon')).toHaveProperty('error');
    const o = parseOrigins('https://a.com\nregex .*\\.b\\.com');
    expect(o).toEqual({
      value: [
        { kind: 'exact', value: 'https://a.com' },
        { kind: 'regex', value: '.*\\.b\\.com' },
      ],
    });
    if ('value' in o) expect(formatOrigins(o.value)).toBe('https://a.com\nregex .*\\.b\\.com');
  });
  it('checks a new port', () => {
    expect(portProblem('9080', [])).toBeUndefined();
    expect(portProblem('9080', [9080])).toMatch(/already/);
    expect(portProblem('70000', [])).toMatch(/not a port/);
    expect(portProblem('', [])).toMatch(/Type/);
  });
});

describe('feature summaries', () => {
  it('says off or the value', () => {
    const s = featureSummaries({
      timeout: '5s',
      mirror: { host: 'reviews', subset: 'v3' },
      mirrorPercentage: 50,
      fault: { abort: { httpStatus: 500, percentage: 10 } },
    });
    expect(s.timeout).toBe('5s');
    expect(s.mirror).toBe('reviews (v3) 50%');
    expect(s.fault).toBe('abort 500 10%');
    expect(s.retries).toBe('off');
  });
});
