import { stringify } from 'yaml';
import type { SimRequest } from '../simulate/types';
import { isEmptyExpectation } from './evaluate';
import { formatShares } from './shares';
import type { Expectation } from './types';

/** A saved simulator request with its expectation, as the app keeps it. */
export interface RequestCase {
  name: string;
  request: SimRequest;
  expect: Expectation | undefined;
}

export interface Serialised {
  text: string;
  /** Names of the requests left out and why (no expectation, not HTTP). */
  skipped: string[];
}

const HEADER = `# Routing test cases: run them with \`its test -t <this file> <manifests…>\` (Istio Traffic Studio).
# description, request, wantMatch (and route, redirect, rewrite, fault, headers, delegate) mean what they mean in
# getyourguide/istio-config-validator; source, port, query, shares, clusters and status are ours.
`;

function caseOf(c: RequestCase): Record<string, unknown> {
  const r = c.request;
  const e = c.expect as Expectation;
  const out: Record<string, unknown> = { description: c.name, wantMatch: true };
  out.source =
    r.gateway !== 'mesh'
      ? { gateway: r.gateway, namespace: r.sourceNamespace }
      : Object.keys(r.sourceLabels).length > 0
        ? { namespace: r.sourceNamespace, labels: r.sourceLabels }
        : { namespace: r.sourceNamespace };
  const request: Record<string, unknown> = {
    authority: [r.authority ?? r.host],
    method: [r.method],
    uri: [r.path],
  };
  if (Object.keys(r.headers).length > 0) request.headers = r.headers;
  out.request = request;
  if (r.port !== undefined) out.port = r.port;
  if (Object.keys(r.query).length > 0) out.query = r.query;
  if (e.shares?.length) out.shares = formatShares(e.shares);
  if (e.clusters?.length) out.clusters = e.clusters;
  if (e.status !== undefined) out.status = e.status;
  return out;
}

/**
 * Writes saved requests as a test-case file of our format (istio-config-validator's keys plus ours), one case per
 * request with an expectation; `parseTestCases` reads it back and `its test` runs it to the same verdicts the app
 * shows (every case names its source, so none falls back to a gateway).
 */
export function serialiseCases(cases: readonly RequestCase[]): Serialised {
  const skipped: string[] = [];
  const out: Record<string, unknown>[] = [];
  for (const c of cases) {
    if (isEmptyExpectation(c.expect)) skipped.push(`${c.name}: no expectation`);
    else if (c.request.protocol !== 'http')
      skipped.push(`${c.name}: ${c.request.protocol} requests cannot be written as test cases`);
    else out.push(caseOf(c));
  }
  return { text: HEADER + stringify({ testCases: out }, { lineWidth: 0 }), skipped };
}
