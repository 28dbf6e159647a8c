// Compares two derived texts: what the change does to traffic, not which lines moved (see README.md).
// Pure and total: never throws; a side that does not parse gives a partial comparison with a note.
import type { Derived } from '../derive';
import { DEFAULT_ENV } from '../envoy/env';
import type { DestinationRule, ResourceBase, VirtualService } from '../model/types';
import { behaviourRows } from './behaviour';
import { neighbourhood, reach, type Touched } from './neighbourhood';
import { defaultProxies, diffFacts, viewFacts, type ViewFact } from './envoy-views';
import { diffFindings } from './findings';
import { buildPhases } from './phases';
import { policyMeanings } from './policy';
import { drawRequests } from './requests';
import {
  pairRange,
  pathRange,
  pairResources,
  resourceRange,
  resourceText,
  type ResourcePair,
} from './resources';
import { ruleMeanings } from './rules';
import { summarise } from './summary';
import type { CompareOptions, Comparison, FindingRef, Meaning, MeaningKind, ResourceChange } from './types';

export type * from './types';

const ROUTING_KINDS = new Set(['VirtualService', 'DestinationRule', 'Service', 'ServiceEntry', 'Gateway']);
const KIND_ORDER: MeaningKind[] = [
  'subset-missing',
  'finding-new',
  'share',
  'rule-added',
  'rule-removed',
  'rule-changed',
  'host-won',
  'host-lost',
  'unreachable',
  'reachable',
  'policy',
  'subset-added',
  'subset-removed',
  'finding-fixed',
];

/** FQDNs a change can move requests of, or `all` when it can move any. */
function touchedBy(pairs: readonly ResourcePair[]): Touched {
  const out = new Set<string>();
  for (const p of pairs) {
    if (!p.change) continue;
    for (const r of [p.base, p.head]) {
      if (!r) continue;
      if (r.kind === 'VirtualService') {
        const vs = r as VirtualService;
        // A delegate (no hosts) serves whichever root points at it: any request may move.
        if (vs.hosts.length === 0) return 'all';
        vs.fqdns.forEach((f) => out.add(f));
        vs.routes.forEach((rt) => rt.destinations.forEach((d) => out.add(d.fqdn)));
      } else if (r.kind === 'DestinationRule') out.add((r as DestinationRule).fqdn);
      else if (r.kind === 'Service') out.add((r as ResourceBase & { fqdn: string }).fqdn);
      else if (r.kind === 'ServiceEntry')
        (r as ResourceBase & { fqdns: string[] }).fqdns.forEach((f) => out.add(f));
      else return 'all';
    }
  }
  return out;
}

function safe(base: Derived, head: Derived, options: CompareOptions): Comparison {
  const notes: string[] = [];
  if (base.parseErrors.length)
    notes.push('The base has YAML syntax errors: resources in broken documents are missing from it.');
  if (head.parseErrors.length)
    notes.push('The head has YAML syntax errors: resources in broken documents are missing from it.');
  const env = options.env ?? DEFAULT_ENV;
  const pairs = pairResources(base, head);
  const changedPairs = pairs.filter((p) => p.change);
  const meanings: Meaning[] = [];
  const at = (
    side: 'base' | 'head',
    r: ResourceBase | undefined,
    path: (string | number)[] | undefined,
  ): Pick<Meaning, 'range' | 'side'> => {
    const d = side === 'head' ? head : base;
    const range = r && (path ? pathRange(d, r, path) : resourceRange(d, r));
    return range ? { range, side } : {};
  };

  for (const p of changedPairs) {
    if ((p.base ?? p.head)?.kind === 'VirtualService') {
      for (const m of ruleMeanings(
        p.base as VirtualService | undefined,
        p.head as VirtualService | undefined,
      )) {
        const { path, ...rest } = m;
        meanings.push({
          ...rest,
          resource: p.ref,
          ...at(m.side ?? 'head', m.side === 'base' ? p.base : p.head, path),
        });
      }
    }
    if (p.change === 'changed' && p.base?.kind === 'DestinationRule' && p.head) {
      for (const m of policyMeanings(p.base as DestinationRule, p.head as DestinationRule, head.model)) {
        meanings.push({
          kind: m.kind,
          text: m.text,
          resource: p.ref,
          risk: false,
          host: (p.head as DestinationRule).fqdn,
          ...at('head', p.head, m.path),
        });
      }
    }
  }

  if (changedPairs.some((p) => ROUTING_KINDS.has((p.base ?? p.head)?.kind ?? ''))) {
    const touched = touchedBy(pairs);
    const hosts = touched === 'all' ? undefined : reach(touched, [base.model, head.model]);
    // Only the resources naming an affected host: the facts are about those hosts, and the clients are those
    // of their namespaces (a client elsewhere sees the same VirtualServices unless exportTo hides them).
    const baseCut = hosts ? neighbourhood(base.model, base.index, hosts).model : base.model;
    const headCut = hosts ? neighbourhood(head.model, head.index, hosts).model : head.model;
    const chosen = options.proxies
      ? { proxies: options.proxies, capped: false }
      : defaultProxies(baseCut, headCut);
    if (chosen.capped)
      notes.push(
        'Many workloads: the Envoy view was compared for one client per namespace and the gateways only.',
      );
    const facts = diffFacts(viewFacts(baseCut, chosen.proxies, env), viewFacts(headCut, chosen.proxies, env));
    for (const f of facts.added) meanings.push(factMeaning(f, false, pairs, base, head));
    for (const f of facts.gone) {
      if (f.kind === 'subset-missing') continue; // a fixed finding says it
      if (!head.model.virtualServices.some((v) => v.ref === f.vs)) continue;
      meanings.push(factMeaning(f, true, pairs, base, head));
    }
  }

  const { ranges, ...findings } = diffFindings(base.diagnostics, head.diagnostics);
  const placed = (f: FindingRef, side: 'base' | 'head'): Pick<Meaning, 'range' | 'side'> => {
    const range = ranges.get(f);
    return range ? { range, side } : {};
  };
  for (const f of findings.added) {
    meanings.push({
      kind: 'finding-new',
      text: `new ${f.severity} ${f.code}: ${f.message}`,
      resource: f.resource ?? '',
      risk: f.severity === 'error',
      finding: f,
      ...placed(f, 'head'),
    });
  }
  for (const f of findings.fixed) {
    meanings.push({
      kind: 'finding-fixed',
      text: `fixed ${f.severity} ${f.code}: ${f.message}`,
      resource: f.resource ?? '',
      risk: false,
      finding: f,
      ...placed(f, 'base'),
    });
  }
  meanings.sort(
    (a, b) => Number(b.risk) - Number(a.risk) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );

  const order = { added: 0, changed: 1, removed: 2 } as const;
  const resources: ResourceChange[] = changedPairs
    .map((p): ResourceChange => {
      const r = (p.head ?? p.base) as ResourceBase;
      const own = meanings.filter((m) => m.resource === p.ref);
      return {
        ref: p.ref,
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        change: p.change ?? 'changed',
        baseText: resourceText(base, p.base),
        headText: resourceText(head, p.head),
        baseRange: pairRange(base, p.base),
        headRange: pairRange(head, p.head),
        fields: p.fields,
        meanings: own,
        risk: own.some((m) => m.risk),
      };
    })
    .sort((a, b) => order[a.change] - order[b.change] || a.ref.localeCompare(b.ref));

  const requests = drawRequests(base.model, head.model, options.requests ?? [], options.maxRequests ?? 2000);
  const { rows, traced } = changedPairs.length
    ? behaviourRows(base, head, requests, touchedBy(pairs))
    : { rows: [], traced: 0 };
  const phases = buildPhases(head, pairs);
  const risk = meanings.some((m) => m.risk);
  return {
    resources,
    meanings,
    behaviour: rows,
    phases,
    findings,
    risk,
    summary: summarise(resources, meanings, rows, findings),
    notes,
    requestsTraced: traced,
  };
}

function factMeaning(
  f: ViewFact,
  gone: boolean,
  pairs: readonly ResourcePair[],
  base: Derived,
  head: Derived,
): Meaning {
  // A gone fact is about a VirtualService head still has (the caller checks): point at it there.
  const side = 'head';
  const d = head;
  void base;
  const vs = d.model.virtualServices.find((v) => v.ref === f.vs);
  const range =
    vs &&
    (f.rule && !gone ? pathRange(d, vs, ['spec', f.rule.protocol, f.rule.index]) : resourceRange(d, vs));
  const host = f.host ? { host: f.host } : {};
  if (f.kind === 'subset-missing' && f.subset) {
    const { fqdn, name } = f.subset;
    // Blame the DestinationRule that dropped the subset, when the change did.
    const dr = pairs.find(
      (p) =>
        p.change &&
        p.base?.kind === 'DestinationRule' &&
        (p.base as DestinationRule).fqdn === fqdn &&
        (p.base as DestinationRule).subsets.some((s) => s.name === name),
    );
    const text = dr
      ? `${fqdn.split('.')[0] ?? fqdn} ${name}: subset ${name} ${dr.change === 'removed' ? 'goes with' : 'removed from'} ${dr.ref} while ${f.vs} rule ${f.rule?.label ?? ''} still sends traffic to it: Envoy answers 503 (NR)`
      : f.text;
    return {
      kind: 'subset-missing',
      text,
      resource: dr?.ref ?? f.vs,
      risk: true,
      ...host,
      ...(range ? { range, side } : {}),
    };
  }
  const kind =
    f.kind === 'host-lost' ? (gone ? 'host-won' : 'host-lost') : gone ? 'reachable' : 'unreachable';
  const text = !gone
    ? f.text
    : f.kind === 'host-lost'
      ? `${f.vs} now holds ${f.host ?? 'its host'} (it was ignored before: an older VirtualService held it)`
      : `${f.text.replace(/ can never be reached:.*/, '')} can be reached again`;
  return { kind, text, resource: f.vs, risk: false, ...host, ...(range ? { range, side } : {}) };
}

/** A comparison that could not be made: empty, its summary `text` and the reason as its note (views show notes). */
export function failedComparison(text: string, note: string): Comparison {
  return {
    resources: [],
    meanings: [],
    behaviour: [],
    phases: [],
    findings: { added: [], fixed: [] },
    risk: false,
    summary: {
      added: 0,
      removed: 0,
      changed: 0,
      risks: 0,
      behaviourRows: 0,
      findingsNew: 0,
      findingsFixed: 0,
      text,
    },
    notes: [note],
    requestsTraced: 0,
  };
}

/**
 * What changing `base` into `head` does to traffic: resources added/removed/changed with what each change
 * means, requests that now go elsewhere, the make-before-break phases, and whether it carries a risk.
 */
export function compare(base: Derived, head: Derived, options: CompareOptions = {}): Comparison {
  try {
    return safe(base, head, options);
  } catch (err) {
    // Total by contract: a bug here must not take the editor down; the note says what happened.
    return failedComparison(
      'The comparison failed.',
      `The comparison failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
