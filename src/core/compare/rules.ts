// What changed in the rules of one VirtualService: shares per host and condition, rules added or removed,
// other actions changed. Rules are paired by name, else by their match conditions, so inserting a rule
// before others is one added rule, not every rule shifted.
import { summariseMatches } from '../graph/match-summary';
import type { Route, VirtualService } from '../model/types';
import { probabilities } from '../simulate/destinations';
import { sameValue } from './resources';
import type { Meaning, ShareDelta } from './types';

const pct = (p: number): number => Math.round(p * 1000) / 10;
const short = (host: string): string => host.split('.')[0] ?? host;

/** The key two versions of a rule share: its name, else its protocol and match conditions. */
export function ruleKey(route: Route): string {
  return route.name !== undefined
    ? `name:${route.name}`
    : `match:${route.protocol}:${JSON.stringify(route.match)}`;
}

/** Pairs the rules of two versions; unpaired ones come back with the other side undefined. */
export function pairRules(
  base: readonly Route[],
  head: readonly Route[],
): { base: Route | undefined; head: Route | undefined }[] {
  const left = new Map<string, Route[]>();
  for (const r of base) left.set(ruleKey(r), [...(left.get(ruleKey(r)) ?? []), r]);
  const out: { base: Route | undefined; head: Route | undefined }[] = [];
  for (const h of head) {
    const queue = left.get(ruleKey(h));
    out.push({ base: queue?.shift(), head: h });
  }
  for (const rest of left.values()) for (const b of rest) out.push({ base: b, head: undefined });
  return out;
}

/** `v2` when the destination is the VirtualService's own host, else `ratings v2`. */
function label(
  vs: VirtualService,
  host: string,
  subset: string | undefined,
  port: number | undefined,
): string {
  const own = vs.hosts.some((h) => short(h) === short(host));
  const name = own && subset ? subset : `${short(host)}${subset ? ` ${subset}` : ''}`;
  return port !== undefined ? `${name}:${port}` : name;
}

/** Percent per destination label of one rule. */
export function sharesOf(vs: VirtualService, route: Route): Map<string, number> {
  const probs = probabilities(route.destinations.map((d) => d.weight));
  const out = new Map<string, number>();
  route.destinations.forEach((d, i) => {
    const key = label(vs, d.host, d.subset, d.port);
    out.set(key, (out.get(key) ?? 0) + (probs[i] ?? 0));
  });
  for (const [k, v] of out) out.set(k, pct(v));
  return out;
}

/** `all requests`, `all other requests` (a catch-all after other rules), or the match in words. */
export function conditionOf(route: Route, position: number): string {
  if (route.match.length > 0) return `requests with ${summariseMatches(route.match)}`;
  return position === 0 ? 'all requests' : 'all other requests';
}

function sharesText(s: Map<string, number>): string {
  return [...s].map(([k, v]) => `${k} ${v}%`).join(', ') || 'no destination';
}

// Fields of a rule beyond match and route whose change is worth a line (fault, retries, timeouts…).
function actionDiffers(a: Route, b: Route): string[] {
  const keys = new Set([...Object.keys(a.raw), ...Object.keys(b.raw)]);
  return [...keys].filter(
    (k) => k !== 'match' && k !== 'route' && k !== 'name' && !sameValue(a.raw[k], b.raw[k]),
  );
}

type Draft = Omit<Meaning, 'resource'> & { path?: (string | number)[] };

/**
 * Meanings of one VirtualService's rules between versions (either may be absent: an added or removed
 * VirtualService). Paths point at the head's rule, or at the base's for removed rules.
 */
export function ruleMeanings(base: VirtualService | undefined, head: VirtualService | undefined): Draft[] {
  const vs = head ?? base;
  if (!vs) return [];
  const hosts = vs.hosts.map(short).join(', ') || vs.name;
  const host = vs.fqdns[0];
  const out: Draft[] = [];
  const pairs = pairRules(base?.routes ?? [], head?.routes ?? []);
  for (const p of pairs) {
    const r = p.head ?? p.base;
    if (!r) continue;
    const side = p.head ? 'head' : 'base';
    const path = ['spec', r.protocol, r.index];
    const owner = p.head ? (head ?? vs) : (base ?? vs);
    const cond = conditionOf(r, r.index);
    if (!p.base || !p.head) {
      const what = r.delegate
        ? `delegate ${r.delegate.namespace}/${r.delegate.name}`
        : sharesText(sharesOf(owner, r));
      const name = r.name ? ` "${r.name}"` : '';
      out.push({
        kind: p.head ? 'rule-added' : 'rule-removed',
        text: p.head
          ? `${hosts}: new rule${name} for ${cond} → ${what}`
          : `${hosts}: rule${name} for ${cond} removed (it sent ${what})`,
        risk: false,
        ...(host ? { host } : {}),
        side,
        path,
      });
      continue;
    }
    const before = sharesOf(base ?? vs, p.base);
    const after = sharesOf(head ?? vs, p.head);
    const deltas: ShareDelta[] = [];
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      const b = before.get(k);
      const a = after.get(k);
      if (b !== a) deltas.push({ destination: k, before: b, after: a });
    }
    if (deltas.length > 0) {
      const parts = deltas.map((d) => `${d.destination} ${d.before ?? 0}% → ${d.after ?? 0}%`);
      out.push({
        kind: 'share',
        text: `${hosts}: ${parts.join(', ')} for ${conditionOf(p.head, p.head.index)}`,
        risk: false,
        share: { host: host ?? hosts, condition: conditionOf(p.head, p.head.index), deltas },
        ...(host ? { host } : {}),
        side,
        path,
      });
    }
    const fields = actionDiffers(p.base, p.head);
    if (fields.length > 0) {
      out.push({
        kind: 'rule-changed',
        text: `${hosts}: rule for ${cond} changed its ${fields.join(', ')}`,
        risk: false,
        ...(host ? { host } : {}),
        side,
        path,
      });
    }
  }
  return out;
}
