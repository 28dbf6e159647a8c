// Helpers for the hardening tests: build manifests, run every layer on a text, and read lines.
import { applyIntent } from '../../src/core/edit/index';
import type { EditIntent } from '../../src/core/edit/intents';
import { cleanForApply, splitResources } from '../../src/core/export/index';
import { derive, type Derived } from '../../src/core/derive';
import { createRequest } from '../../src/core/simulate/request';
import { simulate } from '../../src/core/simulate/simulate';
import { LineIndex } from '../../src/core/yaml/line-index';

/** A VirtualService with one route to `host` (plain scalars: the caller quotes when it must). */
export function vsText(name: string, host = name): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  hosts:',
    `  - ${host}`,
    '  http:',
    '  - route:',
    '    - destination:',
    `        host: ${host}`,
    '        subset: v1',
    '      weight: 100',
    '',
  ].join('\n');
}

export function serviceText(name: string, app = name): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    `    app: ${app}`,
    '  ports:',
    '  - port: 9080',
    '',
  ].join('\n');
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return new LineIndex(text).at(offset).line;
}

/** Runs the intents one after another, each on the latest text; the final text, and which ones applied. */
export function runIntents(
  text: string,
  intents: readonly EditIntent[],
): { text: string; applied: string[] } {
  let cur = text;
  const applied: string[] = [];
  for (const intent of intents) {
    const d = derive(cur);
    const r = applyIntent(d.parsed, d.model, intent);
    if (r.ok) {
      cur = r.text;
      applied.push(intent.type);
    } else if (r.reason.startsWith('internal error')) {
      throw new Error(`${intent.type} crashed: ${r.reason}`);
    }
  }
  return { text: cur, applied };
}

/** Every layer a text passes through in the app: derive (parse, model, graph, validate), simulate, export. */
export function everyLayer(text: string, hosts: readonly string[] = []): Derived {
  const d = derive(text);
  for (const host of hosts.length ? hosts : ['reviews']) {
    simulate(d.model, d.index, createRequest({ host }));
    simulate(d.model, d.index, createRequest({ host, headers: { [host]: host }, path: `/${host}` }));
  }
  splitResources(text);
  cleanForApply(text);
  return d;
}
