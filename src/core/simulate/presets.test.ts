import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { parsePresets, suggestPresets } from './presets';
import { simulate } from './simulate';

const DIR = resolve(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const text = [
  'platform/kube/bookinfo.yaml',
  'networking/destination-rule-all.yaml',
  'networking/bookinfo-gateway.yaml',
  'networking/virtual-service-reviews-jason-v2-v3.yaml',
]
  .map((f) => readFileSync(resolve(DIR, f), 'utf8'))
  .join('\n---\n');
const d = derive(text);

describe('suggestPresets', () => {
  const presets = suggestPresets(d.model, d.index);

  it('offers one request per reachable http rule, each reaching its rule', () => {
    expect(presets.map((p) => p.name)).toEqual([
      'bookinfo: rule 0 (uri = /productpage)',
      'reviews: rule 0 (header end-user = jason)',
      'reviews: rule 1 (default)',
    ]);
    const jason = presets[1];
    expect(jason?.request.headers).toEqual({ 'end-user': 'jason' });
    expect(jason && simulate(d.model, d.index, jason.request).destinations[0]?.subset).toBe('v2');
  });
  it('sends gateway-only VirtualServices through their gateway', () => {
    expect(presets[0]?.request).toMatchObject({ gateway: 'default/bookinfo-gateway', path: '/productpage' });
  });
  it('respects the limit', () => {
    expect(suggestPresets(d.model, d.index, 1)).toHaveLength(1);
  });
});

describe('parsePresets', () => {
  it('round-trips presets through JSON', () => {
    const presets = suggestPresets(d.model, d.index);
    expect(parsePresets(JSON.parse(JSON.stringify(presets)))).toEqual(presets);
  });
  it('drops junk without throwing', () => {
    expect(parsePresets('nope')).toEqual([]);
    expect(parsePresets([{ name: 'x' }, { request: { host: 'a' } }, null])).toEqual([]);
    const [p] = parsePresets([{ name: 'n', request: { host: 'a', protocol: 'udp', headers: { A: 1 } } }]);
    expect(p?.request).toMatchObject({ host: 'a', protocol: 'http', headers: { a: '1' } });
  });
});
