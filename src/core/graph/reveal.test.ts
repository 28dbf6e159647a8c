import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { elementAtOffset, rangeOfElement } from './reveal';

const text = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const d = derive(text);
const at = (needle: string) => elementAtOffset(d.parsed, d.model, d.graph, text.indexOf(needle) + 2);

describe('elementAtOffset', () => {
  it('maps a cursor in a Deployment to its node', () => {
    expect(at('name: reviews-v3')).toEqual({ nodeId: 'deployment:default/reviews-v3' });
  });
  it('maps a cursor in a route destination to its route edge', () => {
    expect(at('weight: 10')).toEqual({ edgeId: 'route:default/reviews/http/0/1' });
  });
  it('maps a cursor in a subset to the subset node', () => {
    const sub = text.indexOf('- name: v2', text.indexOf('kind: DestinationRule'));
    expect(elementAtOffset(d.parsed, d.model, d.graph, sub + 3)).toEqual({
      nodeId: 'subset:default/reviews/v2',
    });
  });
  it('gives nothing in a comment between documents', () => {
    expect(elementAtOffset(d.parsed, d.model, d.graph, 3)).toEqual({});
  });
});

describe('rangeOfElement', () => {
  it('covers the whole resource of a node', () => {
    const r = rangeOfElement(d.parsed, d.graph, 'deployment:default/reviews-v2');
    expect(r).toBeDefined();
    const slice = text.slice(r?.[0], r?.[1]);
    expect(slice).toContain('name: reviews-v2');
    expect(slice).not.toContain('reviews-v3');
  });
});
