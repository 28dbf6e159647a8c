import { hostMatches } from '../../model/hosts';
import { rec, str, strList } from '../../model/read';
import type { ResourceBase, Route, Service, ServiceEntry, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import { CODES, type Code } from '../codes';
import { at, type ValidationContext } from '../context';
import type { Diagnostic, QuickFix } from '../types';

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

/** The Service or ServiceEntry a VirtualService destination host reaches, honouring exportTo. */
export function findHostTarget(
  ctx: ValidationContext,
  vs: VirtualService,
  fqdn: string,
): HostTarget | undefined {
  const namespaces = lookupNamespaces(vs);
  const visible = (r: ResourceBase) => {
    const exp = exportToOf(r);
    return exportedEverywhere(exp) || namespaces.some((ns) => visibleIn(exp, r.namespace, ns));
  };
  const service = (ctx.index.servicesByFqdn.get(fqdn) ?? []).find(visible);
  if (service) return { kind: 'service', service };
  const entry = ctx.model.serviceEntries.find(
    (se) => visible(se) && se.fqdns.some((h) => hostMatches(h, fqdn)),
  );
  return entry && { kind: 'serviceentry', entry };
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
