import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyIntent } from './index';
import { derive } from '../derive';
import { l4MatchIntent, readL4Match } from './l4-match';

const tcp = readFileSync('test/fixtures/corpus/istio/samples/tcp-echo/tcp-echo-20-v2.yaml', 'utf8');
const tls = readFileSync(
  'test/fixtures/corpus/wild/istio__istio.io__content_en_docs_reference_config_networking_virtual-service_index.html__tls-sni.yaml',
  'utf8',
);

function apply(text: string, field: 'port' | 'sniHosts', value: string) {
  const d = derive(text);
  const vs = d.model.virtualServices[0];
  const route = vs?.routes.find((r) => r.protocol !== 'http');
  if (!vs || !route) throw new Error('no tcp/tls route');
  const intent = l4MatchIntent(vs, route, field, value);
  if (typeof intent === 'string') return intent;
  const r = applyIntent(d.parsed, d.model, intent);
  if (!r.ok) throw new Error(r.reason);
  const after = derive(r.text).model.virtualServices[0]?.routes.find(
    (x) => x.protocol === route.protocol && x.index === route.index,
  );
  return { text: r.text, form: after ? readL4Match(after) : undefined };
}

describe('tcp/tls match form', () => {
  it('reads and writes a tcp route port, keeping the rest of the text', () => {
    const before = readL4Match(derive(tcp).model.virtualServices[0]?.routes[0] ?? ({} as never));
    const r = apply(tcp, 'port', '9001');
    expect(typeof r).not.toBe('string');
    if (typeof r === 'string') return;
    expect(r.form?.port).toBe('9001');
    expect(before.port).not.toBe('9001');
    expect(r.text.split('\n').length).toBe(tcp.split('\n').length);
  });
  it('writes tls SNI hosts as a list', () => {
    const r = apply(tls, 'sniHosts', 'login.bookinfo.com, other.example.com');
    if (typeof r === 'string') throw new Error(r);
    expect(r.form?.sniHosts).toBe('login.bookinfo.com, other.example.com');
  });
  it('refuses a port that is not a port', () => {
    expect(apply(tcp, 'port', '70000')).toMatch(/1 to 65535/);
    expect(apply(tcp, 'port', 'http')).toMatch(/1 to 65535/);
  });
});
