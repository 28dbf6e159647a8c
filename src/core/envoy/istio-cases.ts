// Runs one case of test/fixtures/istio-simulation/cases.json (Istio's own simulation expectations).
import { derive } from '../derive';
import { ISTIO_TEST_ENV } from './env';
import { traceForJson } from './json-api';
import type { Env, TraceResult } from './types';

export interface IstioCase {
  id: string;
  name: string;
  manifests: string;
  proxy: unknown;
  request: Record<string, unknown>;
  expect: Record<string, unknown>;
  tags: string[];
  needs?: string;
}

const FIELDS = ['listener', 'filterChain', 'routeConfig', 'virtualHost', 'route', 'cluster'] as const;

/** The differences between our trace and Istio's expectation (empty when the case passes). */
export function checkCase(c: IstioCase, env: Partial<Env> = {}): { result: TraceResult; diffs: string[] } {
  const model = derive(c.manifests, { defaultNamespace: 'default' }).model;
  const result = traceForJson(model, c.proxy, c.request, { ...ISTIO_TEST_ENV, ...env });
  const strict = c.expect.strict === true;
  const diffs: string[] = [];
  const want = (c.expect.error as string | undefined) ?? '';
  if ((result.error ?? '') !== want)
    diffs.push(`error: want ${JSON.stringify(want)}, got ${JSON.stringify(result.error ?? '')}`);
  for (const f of FIELDS) {
    const w = c.expect[f];
    if (w === undefined && !strict) continue;
    if (w === '' && !strict) continue;
    const got = result[f] ?? '';
    if (got !== (w ?? '')) diffs.push(`${f}: want ${JSON.stringify(w ?? '')}, got ${JSON.stringify(got)}`);
  }
  return { result, diffs };
}
