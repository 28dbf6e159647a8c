import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/core/derive';
import { applyIntent } from '../../src/core/edit/index';
import type { EditIntent } from '../../src/core/edit/intents';
import { localityProblems } from '../../src/core/edit/locality.test-helper';
import { joinDocuments, splitResources } from '../../src/core/export/index';
import type { MeshModel } from '../../src/core/model/types';
import { createRequest } from '../../src/core/simulate/request';
import { simulate } from '../../src/core/simulate/simulate';
import { manifests, name } from './arbitraries';

const SEED = 20261124;

describe('fuzz: random manifests', () => {
  it('parse, derive, validate and simulate never throw', () => {
    fc.assert(
      fc.property(manifests, name, name, (text, host, header) => {
        const d = derive(text);
        for (const p of d.parseErrors) expect(p.start).toBeLessThanOrEqual(text.length);
        for (const x of d.diagnostics) expect(typeof x.message).toBe('string');
        const hosts = [host, ...d.model.virtualServices.flatMap((v) => v.hosts)].slice(0, 3);
        for (const h of hosts) {
          simulate(
            d.model,
            d.index,
            createRequest({ host: h, headers: { [header]: header }, path: `/${header}` }),
          );
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  }, 30_000);

  it('derive(text) equals derive(join(splitResources(text))) for every resource', () => {
    const raws = (text: string) => derive(text).model.resources.map((r) => [r.ref, r.raw]);
    fc.assert(
      fc.property(manifests, (text) => {
        const files = splitResources(text);
        const again = joinDocuments(files.map((f) => f.text));
        expect(raws(again)).toEqual(raws(text));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  }, 30_000);
});

/** Small numbers that pick an op and its operands among what the model holds. */
const pick = fc.record({
  op: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  s: name,
  w: fc.array(fc.integer({ min: -10, max: 120 }), { maxLength: 4 }),
});
type Pick = typeof pick extends fc.Arbitrary<infer T> ? T : never;

function intentFor(m: MeshModel, p: Pick): EditIntent {
  const at = <T>(xs: readonly T[], i: number) => xs[i % Math.max(1, xs.length)];
  const vs = at(m.virtualServices, p.a);
  const route = vs ? at(vs.routes, p.b) : undefined;
  const dr = at(m.destinationRules, p.a);
  const res = at(m.resources, p.b);
  const routeAt = {
    vsRef: vs?.ref ?? p.s,
    protocol: route?.protocol ?? 'http',
    routeIndex: route?.index ?? p.b % 3,
  };
  const target = {
    host: at([p.s, ...m.services.map((x) => x.name)], p.c) ?? p.s,
    subset: p.c % 2 ? p.s : undefined,
  };
  switch (p.op % 16) {
    case 0:
      return { type: 'connectRoute', ...routeAt, target };
    case 1:
      return { type: 'setWeights', ...routeAt, weights: p.w };
    case 2:
      return { type: 'deleteDestination', ...routeAt, destIndex: p.c % 4 };
    case 3:
      return { type: 'evenlyDistribute', ...routeAt };
    case 4:
      return { type: 'addRoute', vsRef: routeAt.vsRef, protocol: 'http', target };
    case 5:
      return { type: 'moveRuleLast', ...routeAt };
    case 6:
      return {
        type: 'setMatch',
        ...routeAt,
        match: p.c % 2 ? [{ uri: { kind: 'prefix', value: p.s } }] : undefined,
      };
    case 7:
      return { type: 'addSubset', drRef: dr?.ref ?? p.s, name: p.s, labels: { version: p.s } };
    case 8:
      return {
        type: 'renameSubset',
        drRef: dr?.ref ?? p.s,
        from: at(dr?.subsets ?? [], p.c)?.name ?? p.s,
        to: p.s,
        updateReferences: p.c % 2 === 0,
      };
    case 9:
      return {
        type: 'renameHost',
        ref: res?.ref ?? p.s,
        from: at(vs?.hosts ?? [], p.c) ?? p.s,
        to: p.s,
        updateReferences: true,
      };
    case 10:
      return { type: 'deleteResource', ref: res?.ref ?? p.s };
    case 11:
      return {
        type: 'setValue',
        docIndex: res?.docIndex ?? 0,
        path: [...(res?.basePath ?? []), 'metadata', 'labels', p.s],
        value: p.s,
      };
    case 12:
      return { type: 'deletePath', docIndex: res?.docIndex ?? 0, path: [...(res?.basePath ?? []), 'spec'] };
    case 13:
      return {
        type: 'setTrafficPolicy',
        drRef: dr?.ref ?? p.s,
        policy: p.c % 2 ? { loadBalancer: { simple: 'RANDOM' } } : undefined,
      };
    case 14:
      return { type: 'bindGateway', vsRef: routeAt.vsRef, gateway: p.s };
    default:
      return {
        type: 'addResource',
        kind: 'VirtualService',
        name: p.s || 'x',
        host: target.host || 'x',
        target,
      };
  }
}

describe('fuzz: random edits on random manifests', () => {
  it('never throw, and when applied leave every resource they do not name as it was', () => {
    let applied = 0;
    fc.assert(
      fc.property(manifests, fc.array(pick, { minLength: 1, maxLength: 4 }), (start, picks) => {
        let text = start;
        for (const p of picks) {
          const d = derive(text);
          const intent = intentFor(d.model, p);
          const r = applyIntent(d.parsed, d.model, intent);
          if (!r.ok) {
            expect(r.reason).not.toMatch(/^internal error/);
            continue;
          }
          applied++;
          for (let k = 1; k < r.edits.length; k++) {
            expect(r.edits[k]?.start).toBeGreaterThanOrEqual(r.edits[k - 1]?.end ?? 0);
          }
          // Edits only in the named documents; every other resource keeps its value and its bytes.
          expect(localityProblems(text, intent, r)).toEqual([]);
          text = r.text;
        }
      }),
      { seed: SEED, numRuns: 1200 },
    );
    expect(applied).toBeGreaterThan(400);
  }, 30_000);
});
