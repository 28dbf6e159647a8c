import { arr, rec, str } from '../model/read';
import type { MeshModel } from '../model/types';
import { isEmptyExpectation } from './evaluate';
import type { RequestCase } from './serialise';
import type { Expectation, ShareSpec, TestCase } from './types';
import { unfold } from './unfold';

export interface Imported {
  requests: RequestCase[];
  /** Cases that cannot be a saved request, and why. */
  skipped: string[];
}

/** A `route` of theirs as shares, when every destination names a host (weights as Istio reads them). */
function sharesOfRoute(route: unknown[]): ShareSpec[] | undefined {
  const dests = route.map((d) => ({ d: rec(rec(d).destination), w: Number(rec(d).weight ?? 0) }));
  if (dests.length === 0 || dests.some((x) => str(x.d.host) === undefined)) return undefined;
  const total = dests.reduce((s, x) => s + (x.w > 0 ? x.w : 0), 0);
  return dests.map((x) => ({
    host: str(x.d.host) as string,
    subset: str(x.d.subset),
    percent: dests.length === 1 ? 100 : total > 0 ? (Math.max(0, x.w) * 100) / total : 100 / dests.length,
  }));
}

/**
 * Test cases as the simulator's saved requests: the first request of each case (its first authority, method and
 * uri) with our expectations, and a `route` of theirs read as shares. A case the panel cannot carry (wantMatch
 * false, or only rewrite/fault/headers/delegate/redirect expectations) is skipped with the reason.
 */
export function casesToRequests(model: MeshModel, cases: readonly TestCase[], namespace: string): Imported {
  const requests: RequestCase[] = [];
  const skipped: string[] = [];
  for (const tc of cases) {
    const { requests: reqs, error } = unfold(model, tc, namespace);
    const first = reqs[0];
    if (!first) {
      skipped.push(`${tc.description}: ${error ?? 'no request'}`);
      continue;
    }
    if (!tc.wantMatch) {
      skipped.push(`${tc.description}: wantMatch false (a saved request expects what should happen)`);
      continue;
    }
    const expect: Expectation = { ...tc.ours };
    const route = tc.their.route;
    if (!expect.shares && route) expect.shares = sharesOfRoute(arr(route));
    if (isEmptyExpectation(expect)) {
      skipped.push(`${tc.description}: no expectation the simulator can show`);
      continue;
    }
    requests.push({ name: tc.description, request: first, expect });
  }
  return { requests, skipped };
}
