import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { requestFor } from './presets';
import { simulate } from './simulate';

const CORPUS = resolve(__dirname, '../../../test/fixtures/corpus');
const EXAMPLES = resolve(__dirname, '../../examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'istio-crds' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/**
 * The property behind `envoy.disagreement`: for every request that reaches a rule of the corpus (one per rule,
 * from its first match block, as the simulator's presets make them), the simulator's rule and destinations are
 * the ones Envoy's route names. HTTP answers are built from the Envoy route; TCP/TLS still take the walk's rule.
 */
describe('simulate and core/envoy agree on every rule of the corpus', () => {
  // The corpus, and the app's own examples (what a person first runs the simulator on).
  const files = [...yamlFiles(CORPUS), ...yamlFiles(EXAMPLES)];
  const found: string[] = [];
  let traced = 0;
  let withRule = 0;
  for (const file of files) {
    const { model, index } = derive(readFileSync(file, 'utf8'));
    for (const vs of model.virtualServices) {
      if (vs.hosts.length === 0) continue;
      for (const route of vs.routes) {
        const req = { ...requestFor(vs, route.match[0]), protocol: route.protocol };
        const r = simulate(model, index, req);
        if (!r.envoy) continue;
        traced++;
        if (r.envoy.rule) withRule++;
        if (r.envoy.rule !== undefined && r.rule?.id !== r.envoy.rule)
          found.push(
            `${relative(resolve(CORPUS, '../../..'), file)} ${route.protocol}[${route.index}]: rule ${r.rule?.id} vs ${r.envoy.rule}`,
          );
        if (r.envoy.disagreement)
          found.push(`${relative(resolve(CORPUS, '../../..'), file)} ${vs.ref}: ${r.envoy.disagreement}`);
      }
    }
  }
  it('finds no disagreement', () => {
    expect(found).toEqual([]);
  });
  it('traced enough of the corpus for that to mean something', () => {
    expect(files.length).toBeGreaterThan(50);
    // 147 files, 72 requests traced, 57 of them by a VirtualService rule (when this test was written).
    expect(traced).toBeGreaterThanOrEqual(65);
    expect(withRule).toBeGreaterThanOrEqual(50);
  });
});
