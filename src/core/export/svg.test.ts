import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { layoutGraph } from '../graph/layout';
import type { Graph } from '../graph/types';
import { graphSvg } from './svg';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const bookinfo = ['bookinfo-gateway.yaml', 'destination-rule-all.yaml', 'virtual-service-reviews-80-20.yaml']
  .map((f) => readFileSync(`test/fixtures/corpus/istio/samples/bookinfo/networking/${f}`, 'utf8'))
  .join('\n---\n');

/**
 * Well-formed XML, checked by hand (no XML parser in the dependencies; e2e parses the download with the
 * browser's DOMParser too): every tag closed in order, attributes quoted, no raw `<` or `&` in text or
 * attribute values, only the five predefined entities, and no character XML 1.0 forbids.
 */
function wellFormedErrors(doc: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  const text = (s: string, where: string) => {
    // `>` may stand in text (a CSS child selector); `<` may not.
    if (s.includes('<')) errors.push(`raw < in ${where}: ${s.slice(0, 40)}`);
    for (const m of s.matchAll(/&([^;]*);?/g)) {
      if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(m[1] ?? '') || !m[0].endsWith(';'))
        errors.push(`bad entity in ${where}: ${m[0]}`);
    }
  };
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(doc))
    errors.push('a character XML forbids');
  let i = 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    text(doc.slice(i, lt < 0 ? doc.length : lt), 'text');
    if (lt < 0) break;
    const gt = doc.indexOf('>', lt);
    if (gt < 0) return [...errors, 'unclosed tag at the end'];
    const tag = doc.slice(lt + 1, gt);
    i = gt + 1;
    const close = /^\/([a-zA-Z][\w:-]*)$/.exec(tag);
    if (close) {
      if (stack.pop() !== close[1]) errors.push(`</${close[1]}> closes the wrong element`);
      continue;
    }
    const open = /^([a-zA-Z][\w:-]*)((?:\s+[a-zA-Z][\w:-]*="[^"]*")*)\s*(\/?)$/.exec(tag);
    if (!open) {
      errors.push(`malformed tag <${tag.slice(0, 60)}>`);
      continue;
    }
    const names = [...(open[2] ?? '').matchAll(/([a-zA-Z][\w:-]*)="([^"]*)"/g)];
    for (const [, , v] of names) text(v ?? '', `attribute of <${open[1]}>`);
    const unique = new Set(names.map((m) => m[1]));
    if (unique.size !== names.length) errors.push(`repeated attribute in <${open[1]}>`);
    if (open[3] !== '/') stack.push(open[1] ?? '');
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(' > ')}`);
  return errors;
}

const unxml = (s: string) =>
  s
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function picture(text: string) {
  const graph = derive(text).graph;
  const positions = layoutGraph(graph);
  return { graph, positions, ...graphSvg(graph, positions) };
}

/** The `<g class="node …">` elements, with the id and the text they carry. */
function nodeGroups(svg: string): { id: string; body: string; x: number; y: number }[] {
  return [
    ...svg.matchAll(
      /<g class="node [^"]*" data-node-id="([^"]*)" transform="translate\(([-\d.]+) ([-\d.]+)\)">(.*?)<\/g>/g,
    ),
  ].map((m) => ({ id: unxml(m[1] ?? ''), x: Number(m[2]), y: Number(m[3]), body: m[4] ?? '' }));
}

describe('graphSvg: a real SVG of the graph', () => {
  it('is well-formed XML with no HTML inside (no foreignObject), a few hundred bytes a node', () => {
    for (const text of [canary, bookinfo]) {
      const { svg, graph } = picture(text);
      expect(wellFormedErrors(svg)).toEqual([]);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).not.toMatch(/foreignObject|<div|<span|xhtml/i);
      expect(graph.nodes.length).toBeGreaterThan(6);
      expect(svg.length / graph.nodes.length).toBeLessThan(1500);
    }
  });

  it('one <g> per node, at its position, with its name; subsets inside their DestinationRule', () => {
    const { svg, graph, positions } = picture(canary);
    const groups = nodeGroups(svg);
    expect(groups.map((g) => g.id).sort()).toEqual(graph.nodes.map((g) => g.id).sort());
    const vs = groups.find((g) => g.id === 'virtualservice:default/reviews');
    expect(vs?.body).toContain('>reviews</text>');
    expect(vs?.body).toContain('>VirtualService</text>');
    expect(vs).toMatchObject(positions.get('virtualservice:default/reviews') ?? {});
    const dr = positions.get('destinationrule:default/reviews');
    const v2 = positions.get('subset:default/reviews/v2');
    if (!dr || !v2) throw new Error('layout placed no DestinationRule or subset');
    const sub = groups.find((g) => g.id === 'subset:default/reviews/v2');
    expect(sub).toMatchObject({ x: dr.x + v2.x, y: dr.y + v2.y });
    expect(sub?.body).toContain('version=v2');
    expect(groups.find((g) => g.id === 'deployment:default/reviews-v3')?.body).toContain('reviews-v3');
  });

  it('edges are paths with their weights; nothing of the editor (handles, "+ add route")', () => {
    const { svg, graph } = picture(canary);
    const paths = [...svg.matchAll(/<path class="e e-(\w+)" data-edge-id="([^"]*)"/g)];
    expect(paths.map((p) => unxml(p[2] ?? '')).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    expect(paths.filter((p) => p[1] === 'route')).toHaveLength(2);
    const labels = [...svg.matchAll(/<g class="label"[^>]*>.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map(
      (m) => m[1],
    );
    expect(labels.sort()).toEqual(['10%', '90%']);
    // The 90% route is drawn thicker than the 10% one.
    const widthOf = (id: string) =>
      Number(new RegExp(`data-edge-id="${id}" stroke-width="([\\d.]+)"`).exec(svg)?.[1]);
    expect(widthOf('route:default/reviews/http/0/0')).toBeGreaterThan(
      widthOf('route:default/reviews/http/0/1'),
    );
    expect(svg).not.toMatch(/add route|handle|react-flow/);
  });

  it('a route edge leaves its own row of the VirtualService', () => {
    const { svg } = picture(readFileSync('src/examples/ab-header.yaml', 'utf8'));
    const startY = (id: string) =>
      Number(new RegExp(`data-edge-id="${id}"[^>]* d="M[\\d.-]+ ([\\d.-]+)`).exec(svg)?.[1]);
    // Two http routes: the second row is one row lower.
    expect(startY('route:default/reviews/http/1/0') - startY('route:default/reviews/http/0/0')).toBe(24);
  });

  it('the picture frames every node with a margin', () => {
    const { svg, graph, positions, width, height } = picture(canary);
    const [x0, y0, w, h] = (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
    expect([w, h]).toEqual([width, height]);
    for (const g of graph.nodes.filter((n) => !n.parentId)) {
      const p = positions.get(g.id) ?? { x: NaN, y: NaN };
      expect(p.x).toBeGreaterThanOrEqual((x0 ?? 0) + 20);
      expect(p.y).toBeGreaterThanOrEqual((y0 ?? 0) + 20);
      expect(p.x + g.width).toBeLessThanOrEqual((x0 ?? 0) + width - 20);
      expect(p.y + g.height).toBeLessThanOrEqual((y0 ?? 0) + height - 20);
    }
  });

  it('names with markup and control characters stay text and the file stays well-formed', () => {
    const text = canary
      .replace(/name: reviews-v3\n/, 'name: "a<b>&c\\"d\\x01\\uFFFE"\n')
      .replace('host: reviews', 'host: "r&d<x>"');
    const { svg } = picture(text);
    expect(wellFormedErrors(svg)).toEqual([]);
    expect(svg).toContain('a&lt;b&gt;&amp;c&quot;d\uFFFD\uFFFD');
    expect(svg).not.toContain('a<b>');
  });

  it('long names are cut to the node width with an ellipsis', () => {
    const long = 'x'.repeat(200);
    const { svg } = picture(canary.replace(/name: reviews-v3\n/, `name: ${long}\n`));
    const name = /<text class="name"[^>]*>(x+…)<\/text>/.exec(svg)?.[1] ?? '';
    expect(name.length).toBeGreaterThan(10);
    expect(name.length).toBeLessThan(40);
  });

  it('an empty graph is an empty, valid picture', () => {
    const empty: Graph = { nodes: [], edges: [] };
    const { svg, width, height } = graphSvg(empty, new Map());
    expect(wellFormedErrors(svg)).toEqual([]);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
  });
});
