// Traces each drawn request through both versions with the simulator (the same tracer the simulator panel
// uses) and keeps the requests whose destinations or shares differ.
import type { Derived } from '../derive';
import { resolveRequestHost } from '../simulate/select-vs';
import { simulate } from '../simulate/simulate';
import type { SimResult } from '../simulate/types';
import type { MeshIndex } from '../graph/build-graph';
import type { MeshModel } from '../model/types';
import { neighbourhood, reach, type Touched } from './neighbourhood';
import type { DrawnRequest } from './requests';
import type { Answer, AnswerDestination, BehaviourRow } from './types';

const pct = (p: number): number => Math.round(p * 1000) / 10;

function shortHost(host: string): string {
  return host.split('.')[0] ?? host;
}

/** HTTP status a client would see when the request is not simply routed (or a 503 risk on its route). */
function statusOf(r: SimResult): number | undefined {
  if (r.outcome === 'no-match') return 404;
  if (r.outcome === 'redirect') return r.features?.redirect?.status ?? 301;
  if (r.outcome === 'direct-response') return r.features?.directResponse?.status;
  if (r.destinations.length > 0 && r.destinations.every((d) => d.problems.length > 0)) return 503;
  return undefined;
}

/** The simulator's result condensed to what the comparison shows. */
export function answerOf(r: SimResult): Answer {
  const destinations: AnswerDestination[] = r.destinations.map((d) => ({
    host: d.fqdn || d.host,
    subset: d.subset,
    port: d.port,
    percent: pct(d.probability),
    problems: d.problems,
  }));
  const status = statusOf(r);
  const dests = destinations
    .map(
      (d) =>
        `${shortHost(d.host)}${d.subset ? ` ${d.subset}` : ''} ${d.percent}%${d.problems.length ? ' (503)' : ''}`,
    )
    .join(', ');
  let text: string;
  if (r.outcome === 'no-match') text = '404 (no rule matches)';
  else if (r.outcome === 'unknown-host') text = 'unknown host';
  else if (r.outcome === 'redirect')
    text = `redirect ${status ?? ''} ${r.features?.redirect?.location ?? ''}`.trim();
  else if (r.outcome === 'direct-response') text = `direct response ${status ?? ''}`.trim();
  else text = dests || r.summary;
  return { outcome: r.outcome, summary: r.summary, rule: r.rule?.id, destinations, status, text };
}

function destKey(a: Answer): string {
  return JSON.stringify([
    a.outcome,
    a.status,
    a.destinations
      .map((d) => [d.host, d.subset ?? '', d.port ?? 0, d.percent, d.problems.length > 0])
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
  ]);
}

/** True when the two answers send the request to different places or in different shares. */
export function answersDiffer(a: Answer, b: Answer): boolean {
  return destKey(a) !== destKey(b);
}

/**
 * Rows whose answers differ. With a set of touched hosts, only requests to a host that can reach one are
 * traced (per host: the others keep their answer), on the neighbourhood of those hosts.
 */
type Cut = { model: MeshModel; index: MeshIndex };

export function behaviourRows(
  base: Derived,
  head: Derived,
  requests: readonly DrawnRequest[],
  touched: Touched,
): { rows: BehaviourRow[]; traced: number } {
  const rows: BehaviourRow[] = [];
  let traced = 0;
  const hosts = touched === 'all' ? undefined : reach(touched, [base.model, head.model]);
  // Memoised per host: each request is traced on the neighbourhood of its own host (its VirtualServices, their
  // destinations' rules and services), which on a big mesh is far smaller than the mesh.
  const cuts = new Map<string, { b: Cut; h: Cut }>();
  const cutFor = (fqdns: string[]): { b: Cut; h: Cut } => {
    const key = fqdns.join(' ');
    let c = cuts.get(key);
    if (!c) {
      const near = reach(new Set(fqdns), [base.model, head.model]);
      c = { b: neighbourhood(base.model, base.index, near), h: neighbourhood(head.model, head.index, near) };
      cuts.set(key, c);
    }
    return c;
  };
  for (const req of requests) {
    const { host, sourceNamespace } = req.request;
    // The host may resolve differently once a Service is added or removed: either name counts.
    const fb = resolveRequestHost(base.index, host, sourceNamespace);
    const fh = resolveRequestHost(head.index, host, sourceNamespace);
    if (hosts && !hosts.has(fb) && !hosts.has(fh)) continue;
    const cut = cutFor(fb === fh ? [fb] : [fb, fh]);
    const b = simulate(cut.b.model, cut.b.index, req.request);
    const h = simulate(cut.h.model, cut.h.index, req.request);
    traced++;
    const before = answerOf(b);
    const after = answerOf(h);
    if (!answersDiffer(before, after)) continue;
    const risk =
      after.destinations.some((d) => d.problems.length > 0) &&
      !before.destinations.some((d) => d.problems.length > 0);
    rows.push({
      name: req.name,
      origin: req.origin,
      request: req.request,
      before,
      after,
      risk: risk || (after.status === 404 && before.status !== 404),
    });
  }
  return { rows, traced };
}
