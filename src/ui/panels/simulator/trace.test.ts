import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../core/derive';
import { createRequest } from '../../../core/simulate/request';
import { simulate } from '../../../core/simulate/simulate';
import { ruleRange } from './rule-range';
import { formatProbability, traceOf } from './trace';

const text = readFileSync('src/examples/ab-header.yaml', 'utf8');
const d = derive(text);
const run = (headers: Record<string, string>) =>
  simulate(d.model, d.index, createRequest({ host: 'reviews', headers }));

describe('traceOf', () => {
  it('puts the v2 subset and its deployment on the path for jason', () => {
    const t = traceOf(run({ 'end-user': 'jason' }));
    expect(t.nodes.has('subset:default/reviews/v2')).toBe(true);
    expect(t.nodes.has('deployment:default/reviews-v2')).toBe(true);
    expect(t.nodes.has('subset:default/reviews/v1')).toBe(false);
    expect(t.edges.get('route:default/reviews/http/0/0')).toBe(100);
    expect(t.edges.has('route:default/reviews/http/1/0')).toBe(false);
  });

  it('takes the default rule for anyone else', () => {
    const t = traceOf(run({ 'end-user': 'bob' }));
    expect(t.nodes.has('subset:default/reviews/v1')).toBe(true);
    expect(t.edges.get('route:default/reviews/http/1/0')).toBe(100);
  });
});

describe('ruleRange', () => {
  it('covers the matched rule block, without trailing blank space', () => {
    const rule = run({ 'end-user': 'jason' }).rule;
    expect(rule?.id).toBe('default/reviews#http[0]');
    if (!rule) return;
    const r = ruleRange(d.parsed, rule);
    expect(r).toBeDefined();
    if (!r) return;
    const block = text.slice(r[0], r[1]);
    expect(block.startsWith('name: jason')).toBe(true);
    expect(block).toContain('subset: v2');
    expect(block).not.toContain('subset: v1');
    expect(/\s$/.test(block)).toBe(false);
  });

  it('is undefined when the rule is gone', () => {
    const rule = run({}).rule;
    if (!rule) throw new Error('expected a rule');
    expect(ruleRange(d.parsed, { ...rule, path: [...rule.path.slice(0, -1), 9] })).toBeUndefined();
  });
});

describe('formatProbability', () => {
  it('rounds to one decimal', () => {
    expect(formatProbability(0.8)).toBe('80%');
    expect(formatProbability(1 / 3)).toBe('33.3%');
  });
});
