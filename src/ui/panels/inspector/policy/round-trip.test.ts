import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../../core/edit/apply';
import { buildModel } from '../../../../core/model/build-model';
import { readRouteForm, writeRouteForm } from '../../../../core/policy/route-form';
import { readTrafficPolicy, writeTrafficPolicy } from '../../../../core/policy/traffic-policy';
import { parseText } from '../../../../core/yaml/parse';
import { minimalEdit } from './form-commit';
import { setField } from './form-path';
import { withHashBy, withLbKind } from './lb-model';

const canary = readFileSync(join(__dirname, '../../../../examples/bookinfo-canary.yaml'), 'utf8');

function derive(text: string) {
  const parsed = parseText(text);
  const model = buildModel(parsed.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: d.broken })));
  return { parsed, model };
}

/** Applies form changes to the v1 subset's policy the way PolicySection does, change by change. */
function editSubsetPolicy(text: string, changes: [string, unknown][]): string {
  let t = text;
  for (const [path, value] of changes) {
    const { parsed, model } = derive(t);
    const dr = model.destinationRules.find((d) => d.name === 'reviews');
    const sub = dr?.subsets.find((s) => s.name === 'v1');
    if (!dr || !sub) throw new Error('no subset v1');
    const raw = sub.trafficPolicy;
    const form =
      typeof value === 'function'
        ? value(readTrafficPolicy(raw))
        : setField(readTrafficPolicy(raw), path, value);
    const base = [...dr.basePath, 'spec', 'subsets', sub.index, 'trafficPolicy'];
    const intent = minimalEdit(dr.docIndex, base, raw, writeTrafficPolicy(form, raw));
    if (!intent) continue;
    const r = applyIntent(parsed, model, intent);
    if (!r.ok) throw new Error(r.reason);
    t = r.text;
  }
  return t;
}

function editRoute(text: string, changes: [string, unknown][]): string {
  let t = text;
  for (const [path, value] of changes) {
    const { parsed, model } = derive(t);
    const vs = model.virtualServices.find((v) => v.name === 'reviews');
    const route = vs?.routes[0];
    if (!vs || !route) throw new Error('no route');
    const next = writeRouteForm(setField(readRouteForm(route.raw), path, value), route.raw);
    const intent = minimalEdit(vs.docIndex, [...vs.basePath, 'spec', 'http', 0], route.raw, next);
    if (!intent) continue;
    const r = applyIntent(parsed, model, intent);
    if (!r.ok) throw new Error(r.reason);
    t = r.text;
  }
  return t;
}

const v1 = '  - name: v1\n    labels:\n      version: v1\n';

describe('forms and YAML give the same text', () => {
  it('consistent hash by cookie on a subset', () => {
    const viaForm = editSubsetPolicy(canary, [
      ['loadBalancer', { consistentHash: { httpCookie: { name: 'user' } } }],
      ['loadBalancer.consistentHash.httpCookie.ttl', '0s'],
    ]);
    const byHand = canary.replace(
      v1,
      `${v1}    trafficPolicy:\n      loadBalancer:\n        consistentHash:\n          httpCookie:\n            name: user\n            ttl: 0s\n`,
    );
    expect(viaForm).toBe(byHand);
  });

  it('the kind and hash-by selects lead to the same policy', () => {
    const form = setField(readTrafficPolicy(undefined), 'loadBalancer', withLbKind(undefined, 'hash'));
    const hash = withHashBy(form.loadBalancer?.consistentHash, 'sourceIp');
    expect(writeTrafficPolicy(setField(form, 'loadBalancer.consistentHash', hash), undefined)).toEqual({
      loadBalancer: { consistentHash: { useSourceIp: true } },
    });
  });

  it('changing one limit rewrites only that value', () => {
    const start = editSubsetPolicy(canary, [
      ['outlierDetection', { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s' }],
    ]);
    expect(start).toContain('    trafficPolicy:\n      outlierDetection:\n        consecutive5xxErrors: 5\n');
    const next = editSubsetPolicy(start, [['outlierDetection.interval', '1m']]);
    expect(next).toBe(start.replace('interval: 10s', 'interval: 1m'));
    const cleared = editSubsetPolicy(next, [['outlierDetection', undefined]]);
    // Clearing the last group removes the whole trafficPolicy: back to the example as it was.
    expect(cleared).toBe(canary);
  });

  it('a mirror at 50% on the route', () => {
    const viaForm = editRoute(canary, [
      ['mirror.host', 'reviews'],
      ['mirror.subset', 'v3'],
      ['mirrorPercentage', 50],
    ]);
    const byHand = canary.replace(
      '      weight: 10',
      '      weight: 10\n    mirror:\n      host: reviews\n      subset: v3\n    mirrorPercentage:\n      value: 50',
    );
    expect(viaForm).toBe(byHand);
  });

  it('timeout, retries and a fault, then clearing the timeout', () => {
    const viaForm = editRoute(canary, [
      ['timeout', '10s'],
      ['retries.attempts', 3],
      ['fault.delay.fixedDelay', '5s'],
    ]);
    expect(viaForm).toContain(
      '    timeout: 10s\n    retries:\n      attempts: 3\n    fault:\n      delay:\n        fixedDelay: 5s',
    );
    const back = editRoute(viaForm, [['timeout', undefined]]);
    expect(back).toBe(viaForm.replace('    timeout: 10s\n', ''));
  });
});
