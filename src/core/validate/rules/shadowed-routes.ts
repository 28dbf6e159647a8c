import { byCreation, DEFAULT_ENV } from '../../envoy/env';
import { hostMatches } from '../../model/hosts';
import { isRec, num, rec, str, strList, strMap, type Rec } from '../../model/read';
import type { Gateway, VirtualService } from '../../model/types';
import { shiftDiagnostic, type Rule, type ValidationContext } from '../context';
import { suppressedCodes } from '../suppressions';
import type { Diagnostic } from '../types';
import { gatewayRef, report } from './util';

// This rule follows core/envoy (gateway-routes.ts merge, translate.ts matches, findings.ts `shadowedRoutes`)
// without importing it: the route builders would put ~9 KB on the first screen (over its 300 KB budget). A test
// holds its findings equal to core/envoy's.

const keyOf = (g: { namespace: string; name: string }) => `${g.namespace}/${g.name}`;

/** Two host patterns one request could share (`*` and `*.example.com` overlap `shop.example.com`). */
function overlap(a: string, b: string): boolean {
  return a === b || hostMatches(a, b) || hostMatches(b, a);
}

/** One Envoy route at a gateway: a VirtualService match as `translate.ts` turns it into a RouteMatch. */
interface Entry {
  vs: VirtualService;
  httpIndex: number;
  matchIndex: number;
  /** `prefix` / `path` (exact) / `regex`, as Envoy's path specifier. */
  uri: { kind: 'prefix' | 'path' | 'regex'; value: string };
  caseSensitive: boolean;
  /** Only the path decides (no header, method, authority, scheme or query condition). */
  pathOnly: boolean;
}

const HEADERS = ['headers', 'withoutHeaders', 'queryParams', 'method', 'authority', 'scheme'];

function entryOf(vs: VirtualService, httpIndex: number, matchIndex: number, m: Rec): Entry {
  const u = rec(m.uri);
  const uri =
    str(u.exact) !== undefined
      ? { kind: 'path' as const, value: str(u.exact) ?? '' }
      : str(u.prefix) !== undefined
        ? { kind: 'prefix' as const, value: str(u.prefix) ?? '' }
        : str(u.regex) !== undefined
          ? { kind: 'regex' as const, value: str(u.regex) ?? '' }
          : { kind: 'prefix' as const, value: '/' };
  const pathOnly = HEADERS.every(
    (k) => m[k] === undefined || (isRec(m[k]) && Object.keys(m[k]).length === 0),
  );
  return { vs, httpIndex, matchIndex, uri, caseSensitive: m.ignoreUriCase !== true, pathOnly };
}

/** `translate.ts` isCatchAll: prefix `/` or regex `.*`, nothing else. */
const catchAll = (e: Entry) =>
  e.pathOnly &&
  ((e.uri.kind === 'prefix' && e.uri.value === '/') || (e.uri.kind === 'regex' && e.uri.value === '.*'));

/** `translate.ts` matchApplies at a gateway (the listener port is not known here: matches with `port` are left out). */
function applies(m: Rec, vs: VirtualService, gw: Gateway): boolean {
  if (num(m.port) !== undefined) return false;
  if (
    isRec(m.sourceLabels) &&
    !Object.entries(strMap(m.sourceLabels)).every(([k, v]) => gw.selector[k] === v)
  )
    return false;
  const sns = str(m.sourceNamespace);
  if (sns !== undefined && sns !== gw.namespace) return false;
  if (
    Array.isArray(m.gateways) &&
    !strList(m.gateways).some((g) => keyOf(gatewayRef(g, vs.namespace)) === keyOf(gw))
  )
    return false;
  return true;
}

/**
 * The gateway's routes of one VirtualService (`translateRules`): one per applying match, ending at a rule
 * without match or a catch-all. Rules that delegate are left out (their routes come from another resource).
 */
function entries(vs: VirtualService, gw: Gateway): Entry[] {
  const out: Entry[] = [];
  for (const r of vs.routes) {
    if (r.protocol !== 'http') continue;
    if (r.match.length === 0) return out;
    let stop = false;
    r.match.forEach((m, mi) => {
      if (stop || !applies(m, vs, gw)) return;
      const e = entryOf(vs, r.index, mi, m);
      if (!r.delegate) out.push(e);
      stop = catchAll(e);
    });
    if (stop) return out;
  }
  return out;
}

/** `findings.ts` covers: every request `later` matches, `earlier` (path only) matches too. */
function covers(earlier: Entry, later: Entry): boolean {
  if (!earlier.pathOnly || earlier.caseSensitive !== later.caseSensitive) return false;
  const a = earlier.uri;
  const b = later.uri;
  if (a.kind === 'regex') return b.kind === 'regex' && a.value === b.value;
  if (a.kind === 'prefix') return b.kind !== 'regex' && b.value.startsWith(a.value);
  return b.kind === 'path' && b.value === a.value;
}

const where = (e: Entry) => `${e.vs.namespace}/${e.vs.name} http[${e.httpIndex}] match ${e.matchIndex}`;

function checkGateway(
  ctx: ValidationContext,
  gw: Gateway,
  bound: VirtualService[],
  out: Diagnostic[],
  owners: VirtualService[],
): void {
  // istiod merges the VirtualServices oldest first; catch-alls move to the end, so they never shadow here.
  const merged = byCreation(bound, DEFAULT_ENV)
    .flatMap((vs) => entries(vs, gw))
    .filter((e) => !catchAll(e));
  merged.forEach((later, i) => {
    const by = merged
      .slice(0, i)
      .find(
        (e) =>
          e.vs !== later.vs &&
          e.vs.fqdns.some((h) => later.vs.fqdns.some((x) => overlap(h, x))) &&
          covers(e, later),
      );
    if (!by) return;
    owners.push(later.vs);
    out.push(
      report(
        ctx,
        later.vs,
        ['spec', 'http', later.httpIndex, 'match', later.matchIndex],
        'ITS0132',
        `Envoy route ${where(later)} can never match at gateway ${keyOf(gw)}: route ${where(by)} comes first in the merged routes and takes every request it would. Narrow that earlier match, or reorder: istiod merges VirtualServices oldest first (creationTimestamp), so move this rule into ${by.vs.namespace}/${by.vs.name} above the broader one.`,
      ),
    );
  });
}

/** Splits the VirtualServices bound to one gateway into sets whose hosts overlap (union-find; in model order). */
function overlapping(bound: readonly VirtualService[]): VirtualService[][] {
  const parent = bound.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const union = (a: number, b: number) => (parent[find(a)] = find(b));
  // Exact hosts join the VirtualServices naming them; a pattern joins every host it overlaps.
  const byHost = new Map<string, number>();
  bound.forEach((vs, i) => {
    for (const h of vs.fqdns) {
      const at = byHost.get(h);
      if (at === undefined) byHost.set(h, i);
      else union(i, at);
    }
  });
  const patterns = [...byHost.keys()].filter((h) => h.includes('*'));
  for (const p of patterns)
    for (const [h, i] of byHost) if (h !== p && overlap(p, h)) union(i, byHost.get(p) ?? i);
  const sets = new Map<number, VirtualService[]>();
  bound.forEach((vs, i) => {
    const root = find(i);
    const set = sets.get(root);
    if (set) set.push(vs);
    else sets.set(root, [vs]);
  });
  return [...sets.values()];
}

/** A finding with the start of its VirtualService's document when found (to move it with the text later). */
interface Found {
  d: Diagnostic;
  vs: VirtualService;
  start: number;
}

interface Memo {
  gw: Gateway;
  members: readonly VirtualService[];
  found: Found[];
}

// A keystroke rebuilds only the resources of the document it touched, so a gateway whose bound VirtualServices are
// the same objects as before reuses its findings, and in a gateway whose list changed, every set but the changed
// one does. Sets are keyed on their first member, gateways on themselves.
const setMemo = new WeakMap<VirtualService, Memo[]>();
const gatewayMemo = new WeakMap<Gateway, Memo>();

const same = (a: readonly VirtualService[], b: readonly VirtualService[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const startOf = (ctx: ValidationContext, vs: VirtualService) => ctx.parsed.docs[vs.docIndex]?.start ?? 0;

function checkSet(ctx: ValidationContext, gw: Gateway, set: VirtualService[]): Found[] {
  const first = set[0];
  if (!first) return [];
  const list = setMemo.get(first) ?? [];
  const hit = list.find((m) => m.gw === gw && same(m.members, set));
  if (hit) return hit.found;
  const out: Diagnostic[] = [];
  const owners: VirtualService[] = [];
  checkGateway(ctx, gw, set, out, owners);
  // An annotation suppressing the code on the VirtualService drops it here, so a patch needs no pass over every
  // resource for it (validate's own pass then finds nothing more to drop).
  const found = out.flatMap((d, i) => {
    const vs = owners[i];
    if (!vs) return [];
    const codes = suppressedCodes(vs.raw);
    return codes === 'all' || codes?.has(d.code) ? [] : [{ d, vs, start: startOf(ctx, vs) }];
  });
  setMemo.set(first, [...list.filter((m) => m.gw !== gw), { gw, members: set, found }]);
  return found;
}

function checkBound(ctx: ValidationContext, gw: Gateway, bound: VirtualService[]): Found[] {
  const hit = gatewayMemo.get(gw);
  if (hit && same(hit.members, bound)) return hit.found;
  const found = overlapping(bound).flatMap((set) => (set.length > 1 ? checkSet(ctx, gw, set) : []));
  gatewayMemo.set(gw, { gw, members: bound, found });
  return found;
}

/** The gateways (`ns/name`) a VirtualService with hosts binds, once per resource. */
const boundTo = new WeakMap<VirtualService, readonly string[]>();
function gatewaysOf(vs: VirtualService): readonly string[] {
  let keys = boundTo.get(vs);
  if (!keys) {
    keys =
      vs.hosts.length === 0
        ? []
        : [
            ...new Set(
              vs.gateways.filter((x) => x !== 'mesh').map((x) => keyOf(gatewayRef(x, vs.namespace))),
            ),
          ];
    boundTo.set(vs, keys);
  }
  return keys;
}

/**
 * ITS0132: Envoy routes that can never match because an earlier route of the same virtual host takes every
 * request they would (core/envoy's `shadowedRoutes`), where the earlier route comes from another
 * VirtualService merged at a gateway. Only a gateway merges VirtualServices into one virtual host (a sidecar's
 * holds one VirtualService's routes). Shadowing inside one VirtualService is IST0130/IST0131's
 * (`unreachable-rules.ts`), which finds it for every proxy; this rule defers to it so one mistake gives one
 * finding.
 *
 * It reads the whole model, never a keystroke's scope (a group rule, `validate/index.ts`): the VirtualServices
 * of one gateway live in any namespace. Only those with overlapping hosts can shadow each other, so each
 * gateway's are split into such sets and each set's findings are memoised on its members.
 */
export const envoyShadowedRoutes: Rule = (ctx) => {
  if (ctx.model.gateways.length === 0) return [];
  const byGateway = new Map<string, VirtualService[]>();
  for (const vs of ctx.model.virtualServices) {
    for (const g of gatewaysOf(vs)) {
      const list = byGateway.get(g);
      if (list) list.push(vs);
      else byGateway.set(g, [vs]);
    }
  }
  const out: Diagnostic[] = [];
  for (const gw of ctx.model.gateways) {
    const bound = byGateway.get(keyOf(gw)) ?? [];
    if (bound.length < 2) continue;
    // The documents may have moved since a finding was made (an edit above them): it moves with them.
    for (const { d, vs, start } of checkBound(ctx, gw, bound))
      out.push(shiftDiagnostic(d, startOf(ctx, vs) - start));
  }
  return out;
};
