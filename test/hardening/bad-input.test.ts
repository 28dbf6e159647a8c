import { describe, expect, it } from 'vitest';
import { derive } from '../../src/core/derive';
import { parseText } from '../../src/core/yaml/parse';
import { lineOf, serviceText, vsText } from './support';

/** The first error's line and message. */
function firstError(text: string): { line: number; message: string } {
  const e = derive(text).parseErrors[0];
  if (!e) throw new Error('expected a parse error');
  return { line: lineOf(text, e.start), message: e.message };
}

const refs = (text: string) => derive(text).model.resources.map((r) => r.ref);

describe('bad input: a clear message at the right line, nothing else lost', () => {
  it('malformed YAML in the middle of a multi-document file keeps the others drawn', () => {
    const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [b\n';
    const text = `${vsText('a')}---\n${broken}---\n${vsText('c')}`;
    const d = derive(text);
    expect(d.parseErrors).toHaveLength(1);
    const e = firstError(text);
    // The unclosed `[` is on the document's 4th line; the error may point at it or the line after.
    const badLine = text.split('\n').indexOf('  name: [b') + 1;
    expect(e.line).toBeGreaterThanOrEqual(badLine);
    expect(e.line).toBeLessThanOrEqual(badLine + 1);
    expect(e.message).toMatch(/flow sequence|\]/i);
    expect(refs(text)).toEqual(['VirtualService default/a', 'VirtualService default/c']);
    expect(d.graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['virtualservice:default/a', 'virtualservice:default/c']),
    );
    expect(d.diagnostics.find((x) => x.code === 'ITS0001')?.range[0]).toBe(d.parseErrors[0]?.start);
  });

  it('an alias bomb (billion laughs) is bounded and reported', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [k, p] of [...'bcdefghi'].map((c, i) => [c, 'abcdefgh'[i]])) {
      rows.push(`${k}: &${k} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const text = `${serviceText('ok')}---\n${rows.join('\n')}\n`;
    const d = derive(text);
    expect(d.parseErrors.map((p) => p.code)).toEqual(['ALIAS_LIMIT']);
    expect(d.parseErrors[0]?.message).toMatch(/Too many aliases.*limit 100/);
    expect(lineOf(text, d.parseErrors[0]?.start ?? 0)).toBe(text.split('\n').indexOf(rows[0] ?? '') + 1);
    expect(refs(text)).toEqual(['Service default/ok']);
  });

  it('JSON is accepted (YAML is a superset)', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews' },
      spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
    });
    const d = derive(json);
    expect(d.parseErrors).toEqual([]);
    expect(d.model.destinationRules.map((r) => r.subsets.map((s) => s.name))).toEqual([['v1']]);
    expect(d.graph.nodes.map((n) => n.id)).toContain('subset:default/reviews/v1');
  });

  it('duplicate keys are an error on the duplicate', () => {
    const text = `${serviceText('x')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: d\n  name: e\n`;
    const e = firstError(text);
    expect(e.message).toMatch(/keys must be unique/i);
    expect(e.line).toBe(text.split('\n').indexOf('  name: e') + 1);
    expect(refs(text)).toEqual(['Service default/x']);
  });

  it('tabs for indentation say so, at the tabbed line', () => {
    const text = `${serviceText('x')}---\napiVersion: v1\nkind: Service\nmetadata:\n\tname: t\n`;
    const e = firstError(text);
    expect(e.message).toMatch(/tab/i);
    expect(e.message).toMatch(/spaces/);
    expect(e.line).toBe(text.split('\n').indexOf('\tname: t') + 1);
    expect(refs(text)).toEqual(['Service default/x']);
  });

  it('unknown kinds and apiVersions are kept in model.others and listed', () => {
    const text = [
      'apiVersion: foo.example.com/v9\nkind: Widget\nmetadata:\n  name: w\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: ops\ndata:\n  k: v\n',
      'apiVersion: networking.istio.io/v7\nkind: Sidecar\nmetadata:\n  name: sc\n',
      serviceText('s'),
    ].join('---\n');
    const d = derive(text);
    expect(d.parseErrors).toEqual([]);
    // `ops` is the one namespace the text names: resources without one take it, as with `kubectl apply -n ops`.
    expect(d.model.others.map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual([
      'Widget ops/w',
      'ConfigMap ops/cm',
      'Sidecar ops/sc',
    ]);
    expect(d.model.others.map((o) => o.apiVersion)).toContain('foo.example.com/v9');
    expect(refs(text)).toContain('Service ops/s');
    expect(derive(text, { defaultNamespace: 'default' }).model.others.map((o) => o.namespace)).toEqual([
      'default',
      'ops',
      'default',
    ]);
  });

  it('a Helm template says to render it first, at the template', () => {
    const tpl =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n';
    const text = `${serviceText('ok')}---\n${tpl}`;
    const e = firstError(text);
    expect(e.message).toContain('looks like a Helm template: render it first (helm template ...)');
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.includes('{{')) + 1);
    expect(refs(text)).toEqual(['Service default/ok']);
  });

  it('a Helm template that happens to parse is warned about', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "{{ .Release.Name }}"\n';
    const p = parseText(text).docs[0]?.problems ?? [];
    expect(p.map((x) => [x.code, x.severity])).toEqual([['HELM_TEMPLATE', 'warning']]);
    expect(p[0]?.message).toMatch(/render it first/);
    expect(lineOf(text, p[0]?.start ?? 0)).toBe(4);
  });

  it('a 10 MB text derives without throwing', () => {
    // 400 resources and a 10 MB ConfigMap: the size of a pasted cluster dump. Parsing sets the time here;
    // thousands of resources sharing one host are the next test.
    let head = '';
    for (let i = 0; i < 200; i++) head += `${vsText(`r${i}`)}---\n${serviceText(`r${i}`)}---\n`;
    const line = `    ${'x'.repeat(95)}\n`;
    const blob = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const text = `${head}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: |\n${blob}`;
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const d = derive(text);
    expect(d.parseErrors).toEqual([]);
    expect(d.model.resources).toHaveLength(401);
    expect(d.model.others.map((o) => o.name)).toEqual(['big']);
  }, 60_000);

  it('4,000 resources sharing one name and host give one short finding per problem, not one per pair', () => {
    let text = '';
    for (let i = 0; i < 2000; i++) text += `${vsText('r')}---\n${serviceText('r')}---\n`;
    // As the whole mesh: the subset's DestinationRule is missing, not elsewhere.
    const d = derive(text, { meshComplete: true });
    const counts = new Map<string, number>();
    for (const x of d.diagnostics) counts.set(x.code, (counts.get(x.code) ?? 0) + 1);
    // Every VirtualService conflicts with the 1,999 others and names a subset no rule defines; every copy
    // after the first is a duplicate.
    expect(Object.fromEntries(counts)).toEqual({ IST0109: 2000, IST0101: 2000, ITS0105: 3998 });
    expect(Math.max(...d.diagnostics.map((x) => x.message.length))).toBeLessThan(500);
    expect(d.diagnostics.find((x) => x.code === 'IST0109')?.message).toContain(
      'claimed by 1,999 other VirtualServices',
    );
  }, 60_000);

  it.each([
    ['empty text', ''],
    ['only comments', '# nothing here\n# or here\n'],
    ['--- only', '---\n'],
    ['several --- only', '---\n---\n---'],
    ['whitespace only', '  \n\n\t\n'],
  ])('%s derives to an empty, error-free model', (_, text) => {
    const d = derive(text);
    expect(d.parseErrors).toEqual([]);
    expect(d.model.resources).toEqual([]);
    expect(d.graph.nodes).toEqual([]);
  });

  it('CRLF line endings parse like LF, with the same lines', () => {
    const lf = `${vsText('r')}---\n${serviceText('r')}---\n${'apiVersion: v1\nkind: Service\nmetadata:\n  name: [b\n'}`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = derive(lf);
    const b = derive(crlf);
    expect(b.model.resources.map((r) => r.raw)).toEqual(a.model.resources.map((r) => r.raw));
    expect(b.graph.nodes.map((n) => n.id)).toEqual(a.graph.nodes.map((n) => n.id));
    expect(lineOf(crlf, b.parseErrors[0]?.start ?? 0)).toBe(lineOf(lf, a.parseErrors[0]?.start ?? 0));
  });

  it('a byte-order mark is ignored', () => {
    const text = `\uFEFF${vsText('bom')}---\n${serviceText('bom')}`;
    const d = derive(text);
    expect(d.parseErrors).toEqual([]);
    expect(refs(text)).toEqual(['VirtualService default/bom', 'Service default/bom']);
    expect(d.model.resources[0]?.apiVersion).toBe('networking.istio.io/v1');
  });
});
