import { byModelOrder } from '../../graph/mesh-index';
import { rec, str, strList } from '../../model/read';
import type { ResourceBase, Route, Service, ServiceEntry, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import { CODES, type Code } from '../codes';
import { at, type ValidationContext } from '../context';
import type { Diagnostic, QuickFix } from '../types';
import { hostIndex } from '../../model/hosts';

/** A diagnostic with the code's default severity, located at `path` inside resource `r`. */
export function report(
  ctx: ValidationContext,
  r: ResourceBase,
  path: YamlPath,
  code: Code,
  message: string,
  extra: { nodeId?: string; edgeId?: string; fixes?: QuickFix[] } = {},
): Diagnostic {
  return at(ctx, r, path, code, CODES[code].severity, message, extra);
}

/** The YAML path of a route rule inside its VirtualService. */
export function rulePath(r: Route): YamlPath {
  return ['spec', r.protocol, r.index];
}

/**
 * Namespaces a resource is exported to: `[]` means everywhere. The Service form is the
 * `networking.istio.io/exportTo` annotation (comma-separated), Istio kinds use `spec.exportTo`.
 */
export function exportToOf(r: ResourceBase): string[] {
  if (r.kind === 'Service') {
    const annotation = str(rec(rec(r.raw.metadata).annotations)['networking.istio.io/exportTo']);
    return annotation
      ? annotation
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  }
  return strList(rec(r.raw.spec).exportTo);
}

/** True when something in `ownNs` exported to `exportTo` is visible from namespace `ns`. */
export function visibleIn(exportTo: readonly string[], ownNs: string, ns: string): boolean {
  if (exportTo.length === 0 || exportTo.includes('*')) return true;
  return exportTo.some((e) => (e === '.' ? ownNs === ns : e === ns));
}

function exportedEverywhere(exportTo: readonly string[]): boolean {
  return exportTo.length === 0 || exportTo.includes('*');
}

/**
 * Namespaces a VirtualService's destinations must be visible from, as istioctl's DestinationHostAnalyzer
 * reads it: its own namespace, or the namespaces it is exported to ('*' only sees what is exported everywhere).
 */
function lookupNamespaces(vs: VirtualService): string[] {
  if (vs.exportTo.length === 0) return [vs.namespace];
  return vs.exportTo.map((e) => (e === '.' ? vs.namespace : e)).filter((e) => e !== '*' && e !== '~');
}

export type HostTarget =
  { kind: 'service'; service: Service } | { kind: 'serviceentry'; entry: ServiceEntry };

/**
 * Finds the Service or ServiceEntry a VirtualService destination host reaches, honouring exportTo. ServiceEntries
 * are looked up by host pattern and answers cached per (host, namespaces looked from), so thousands of routes to
 * one host cost one search.
 */
export function hostTargetFinder(
  ctx: ValidationContext,
): (vs: VirtualService, fqdn: string) => HostTarget | undefined {
  const byPattern = new Map<string, ServiceEntry[]>();
  for (const se of ctx.model.serviceEntries) {
    for (const h of new Set(se.fqdns)) {
      const list = byPattern.get(h);
      if (list) list.push(se);
      else byPattern.set(h, [se]);
    }
  }
  const patterns = hostIndex(byPattern.keys());
  const order = new Map(ctx.model.serviceEntries.map((se, i) => [se, i]));
  const entriesFor = cachedBy(String, (fqdn: string) =>
    byModelOrder(new Set(patterns.matching(fqdn).flatMap((p) => byPattern.get(p) ?? [])), order),
  );
  return cachedBy(
    // NUL-joined (Kubernetes names and DNS hosts cannot hold NUL): this runs for every route destination on every keystroke.
    (vs, fqdn) => `${lookupNamespaces(vs).join('\u0000')}\u0001${fqdn}`,
    (vs, fqdn) => {
      const namespaces = lookupNamespaces(vs);
      const visible = (r: ResourceBase) => {
        const exp = exportToOf(r);
        return exportedEverywhere(exp) || namespaces.some((ns) => visibleIn(exp, r.namespace, ns));
      };
      const service = (ctx.index.servicesByFqdn.get(fqdn) ?? []).find(visible);
      if (service) return { kind: 'service', service };
      const entry = entriesFor(fqdn).find(visible);
      return entry && { kind: 'serviceentry', entry };
    },
  );
}

/** Parses a VirtualService `gateways` entry: `name` (VS namespace) or `ns/name`. */
export function gatewayRef(ref: string, vsNamespace: string): { namespace: string; name: string } {
  const slash = ref.indexOf('/');
  if (slash >= 0) return { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
  return { namespace: vsNamespace, name: ref };
}

/** True when the VirtualService applies to sidecars (no gateways, or `mesh` among them). */
export function boundToMesh(vs: VirtualService): boolean {
  return vs.gateways.length === 0 || vs.gateways.includes('mesh');
}

/** Lists names for a message: `a, b, c`, or `none`. */
export function listOf(names: readonly string[]): string {
  return names.length ? names.join(', ') : 'none';
}

/** Names a message spells out before it only counts the rest: thousands of peers must not make it quadratic. */
export const NAMES_SHOWN = 5;

/** `2994` as `2,994`, the same on every machine (no locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Lists `total` names of which the caller passes at least the first `NAMES_SHOWN + 1` (or all): all of them when
 * that is every one, else the first five and a count, `a, b, c, d, e and 2,994 more` (`joiner` 'or':
 * `a or b or c or d or e (or 2,994 others)`).
 */
export function cappedList(head: readonly string[], total: number, joiner: 'and' | 'or' = 'and'): string {
  const sep = joiner === 'and' ? ', ' : ' or ';
  if (total <= NAMES_SHOWN + 1) return head.slice(0, total).join(sep);
  const shown = head.slice(0, NAMES_SHOWN).join(sep);
  const rest = formatCount(total - NAMES_SHOWN);
  return joiner === 'and' ? `${shown} and ${rest} more` : `${shown} (or ${rest} others)`;
}

/** Caches `fn` by `keyOf` of its arguments for the length of one rule run, so peers sharing a key cost one call. */
export function cachedBy<A extends unknown[], V>(
  keyOf: (...args: A) => string,
  fn: (...args: A) => V,
): (...args: A) => V {
  const cache = new Map<string, { v: V }>();
  return (...args) => {
    const key = keyOf(...args);
    let hit = cache.get(key);
    if (!hit) {
      hit = { v: fn(...args) };
      cache.set(key, hit);
    }
    return hit.v;
  };
}

/** A key for a label selector in a namespace, the same whatever order its labels are written in. */
export function selectorKey(ns: string, selector: Record<string, string>): string {
  const pairs = Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([ns, pairs]);
}
