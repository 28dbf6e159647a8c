import { chooseDestinationRule } from '../../envoy/dr-select';
import { DEFAULT_ENV } from '../../envoy/env';
import { clusterName } from './cluster-name';
import { edgeId, nodeId } from '../../graph/ids';
import type { DestinationRule, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import { at, isPartial, type Rule, type ValidationContext } from '../context';
import { CODES } from '../codes';
import type { Diagnostic } from '../types';
import { boundToMesh, cachedBy, gatewayRef, listOf, rulePath } from './util';

const ENV = DEFAULT_ENV;

/** Namespaces of the proxies a VirtualService reaches: its sidecars' (and those it exports to) and its gateways'. */
function proxyNamespaces(vs: VirtualService): string[] {
  const out = new Set<string>();
  if (boundToMesh(vs)) {
    out.add(vs.namespace);
    for (const e of vs.exportTo) if (e !== '*' && e !== '.' && e !== '~') out.add(e);
  }
  for (const g of vs.gateways) if (g !== 'mesh') out.add(gatewayRef(g, vs.namespace).namespace);
  return [...out];
}

/** The namespace of the service behind `fqdn`: its Service's, else the `<name>.<ns>.svc…` part. */
function serviceNamespace(ctx: ValidationContext, fqdn: string): string {
  return ctx.index.servicesByFqdn.get(fqdn)?.[0]?.namespace ?? fqdn.split('.')[1] ?? '';
}

/**
 * Nothing can differ from what IST0101 already checks when the host's rules are one plain rule (or several in
 * one namespace, exported everywhere, without selector) in the proxy's or the service's namespace: that rule
 * is the one istiod picks. Deciding this first keeps the rule cheap on every keystroke.
 */
function plain(drs: readonly DestinationRule[], proxyNs: string, serviceNs: string): boolean {
  const [first] = drs;
  return (
    first !== undefined &&
    drs.every(
      (d) =>
        d.namespace === first.namespace &&
        d.exportTo.length === 0 &&
        d.workloadSelector === undefined &&
        (d.namespace === proxyNs || (d.namespace === serviceNs && d.fqdn === first.fqdn)),
    ) &&
    drs.every((d) => d.fqdn === first.fqdn)
  );
}

interface Verdict {
  /** `ns/name` of the rules istiod merges for this proxy; empty when none applies. */
  chosen: string[];
}

/**
 * ITS0130: a route names a subset some DestinationRule of the text defines, but not the one istiod picks for
 * the proxy that routes (proxy namespace → service namespace → root; `exportTo`; `workloadSelector`). Envoy
 * then has no cluster `outbound|<port>|<subset>|<host>` and answers 503 (NC). A subset no DestinationRule
 * defines at all is IST0101's (destination-subset.ts), so it is not reported twice.
 */
export const subsetClusterMissing: Rule = (ctx) => {
  const order = new Map(ctx.model.destinationRules.map((d, i) => [d, i]));
  const verdict = cachedBy(
    (ns: string, fqdn: string) => `${ns}\u0000${fqdn}`,
    (ns: string, fqdn: string): Verdict | undefined => {
      const drs = ctx.index.drsFor(fqdn);
      const serviceNs = serviceNamespace(ctx, fqdn);
      if (drs.length === 0 || plain(drs, ns, serviceNs)) return undefined;
      // istiod orders by creation (text order here): give chooseDestinationRule the candidates in model order.
      const candidates = [...drs].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const model = { ...ctx.model, destinationRules: candidates };
      const chosen = chooseDestinationRule(
        model,
        { kind: 'sidecar', namespace: ns, labels: {} },
        fqdn,
        serviceNs,
        ENV,
      );
      return { chosen: chosen?.keys ?? [] };
    },
  );
  const out: Diagnostic[] = [];
  for (const vs of ctx.model.virtualServices) {
    const namespaces = proxyNamespaces(vs);
    // Most hosts have one plain DestinationRule: decided per host before building anything per destination.
    const open = (fqdn: string) => namespaces.some((ns) => verdict(ns, fqdn) !== undefined);
    for (const r of vs.routes) {
      for (const d of r.destinations) {
        if (d.subset === undefined || d.host === '' || !open(d.fqdn)) continue;
        const diag = check(ctx, vs, namespaces, verdict, d.subset, {
          ...d,
          path: [...rulePath(r), 'route', d.index, 'destination', 'subset'],
          edge: edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index),
        });
        if (diag) out.push(diag);
      }
      // A mirror to a missing cluster is dropped by Envoy the same way (the copy gets 503 NC).
      const m = r.mirror;
      if (m?.subset !== undefined && m.host !== '' && open(m.fqdn)) {
        const diag = check(ctx, vs, namespaces, verdict, m.subset, {
          ...m,
          path: [...rulePath(r), 'mirror', 'subset'],
          edge: edgeId.mirror(vs.namespace, vs.name, r.index),
        });
        if (diag) out.push(diag);
      }
    }
  }
  return out;
};

/** A route destination or mirror, with where its `subset` is and the canvas edge it draws. */
interface Target {
  host: string;
  fqdn: string;
  subset: string | undefined;
  port: number | undefined;
  path: YamlPath;
  edge: string;
}

function check(
  ctx: ValidationContext,
  vs: VirtualService,
  namespaces: readonly string[],
  verdict: (ns: string, fqdn: string) => Verdict | undefined,
  subset: string,
  d: Target,
): Diagnostic | undefined {
  const verdicts = namespaces.flatMap((ns) => {
    const v = verdict(ns, d.fqdn);
    return v ? [{ ns, v }] : [];
  });
  if (verdicts.length === 0) return undefined;
  const definers = ctx.index.drsFor(d.fqdn).filter((dr) => dr.subsets.some((s) => s.name === subset));
  if (definers.length === 0) return undefined;
  const lacking = verdicts.flatMap(({ ns, v }) => {
    const chosen = new Set(v.chosen);
    return definers.some((dr) => chosen.has(`${dr.namespace}/${dr.name}`)) ? [] : [{ ns, chosen: v.chosen }];
  });
  const [first] = lacking;
  if (!first) return undefined;
  const port = d.port ?? ctx.index.servicesByFqdn.get(d.fqdn)?.[0]?.ports[0]?.port;
  const cluster =
    port === undefined ? `outbound|<port>|${subset}|${d.fqdn}` : clusterName(port, subset, d.fqdn);
  const serviceNs = serviceNamespace(ctx, d.fqdn);
  const definedBy = definers.map((dr) => `${dr.namespace}/${dr.name}`);
  const uses = first.chosen.length
    ? `they use DestinationRule ${first.chosen.join(' + ')}, which has no subset "${subset}"`
    : `no DestinationRule for ${d.fqdn} applies to them`;
  const message =
    `Proxies in namespace ${listOf(lacking.map((l) => l.ns))} get no Envoy cluster ${cluster}, so this route answers 503 (NC): ` +
    `subset "${subset}" is defined only by DestinationRule ${definedBy.join(', ')}, and ${uses} ` +
    `(istiod takes the rule from the proxy's namespace, then the service's namespace ${serviceNs}, then ${ENV.rootNamespace}, ` +
    `honouring exportTo and workloadSelector). Define subset "${subset}" in the DestinationRule those proxies use, ` +
    `or move the DestinationRule to namespace ${serviceNs} and export it to them.`;
  // A rule outside a partial text could supply the subset when none in the text applies.
  const severity = isPartial(ctx) && first.chosen.length === 0 ? 'warning' : CODES.ITS0130.severity;
  return at(ctx, vs, d.path, 'ITS0130', severity, message, {
    nodeId: nodeId.virtualservice(vs.namespace, vs.name),
    edgeId: d.edge,
  });
}
