import { edgeId, nodeId } from '../../graph/ids';
import type { DestinationRule, VirtualService } from '../../model/types';
import type { YamlPath } from '../../yaml/locate';
import { isPartial, type Rule, type ValidationContext } from '../context';
import type { Diagnostic, QuickFix } from '../types';
import { AbsentGroups, ELSEWHERE_HINT, hostInText, referencedBy } from './absent';
import { changeScalarFix, closestName } from './did-you-mean';
import { cachedBy, cappedList, listOf, NAMES_SHOWN, report, rulePath } from './util';

/** The DestinationRules of one host and the subset names they define, looked up once per host. */
interface HostSubsets {
  drs: readonly DestinationRule[];
  /** Subset names, each once, in order of definition. */
  defined: string[];
  names: Set<string>;
}

/**
 * For a host: each pod label value its Services' pods carry, with the first label key (outside the Service
 * selector) that carries it. Built once per host, so thousands of routes to one host cost one walk of its pods.
 */
function labelKeysByValue(ctx: ValidationContext, fqdn: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of ctx.index.servicesByFqdn.get(fqdn) ?? []) {
    for (const w of ctx.index.workloadsMatching(s.namespace, s.selector)) {
      // A pod's first key for a value decides; an empty key passes the value on to the next pod.
      const seen = new Set<string>();
      for (const k of Object.keys(w.podLabels)) {
        const v = w.podLabels[k];
        if (v === undefined || k in s.selector || seen.has(v)) continue;
        seen.add(v);
        if (k !== '' && !out.has(v)) out.set(v, k);
      }
    }
  }
  return out;
}

interface Lookups {
  subsetsOf(fqdn: string): HostSubsets;
  labelKeys(fqdn: string): Map<string, string>;
}

/** Labels for a new subset: the `version` label, or a label key the host's pods already use for that value. */
function guessLabels(look: Lookups, fqdn: string, subset: string): Record<string, string> {
  const key = look.labelKeys(fqdn).get(subset);
  return key ? { [key]: subset } : { version: subset };
}

function fixesFor(
  look: Lookups,
  vs: VirtualService,
  host: string,
  fqdn: string,
  subsets: readonly string[],
  drs: readonly DestinationRule[],
): QuickFix[] {
  const [subset] = subsets;
  const dr = drs[0];
  if (dr && subset !== undefined) {
    return [
      {
        title: `Add subset "${subset}" to DestinationRule ${dr.namespace}/${dr.name}`,
        intent: { type: 'addSubset', drRef: dr.ref, name: subset, labels: guessLabels(look, fqdn, subset) },
      },
    ];
  }
  const name = host.split('.')[0] ?? host;
  const listed = subsets.map((s) => `"${s}"`).join(', ');
  return [
    {
      title: `Create DestinationRule ${vs.namespace}/${name} for ${host} with subset${subsets.length > 1 ? 's' : ''} ${listed}`,
      intent: {
        type: 'createDestinationRule',
        namespace: vs.namespace,
        name,
        host,
        subsets: subsets.map((s) => ({ name: s, labels: guessLabels(look, fqdn, s) })),
      },
    },
  ];
}

function message(d: { host: string; fqdn: string; subset: string }, host: HostSubsets): string {
  if (host.drs.length === 0) {
    return (
      `Subset "${d.subset}" needs a DestinationRule for host ${d.fqdn}, and there is none. ` +
      `Create a DestinationRule for ${d.host} that defines subset "${d.subset}", or remove \`subset\`.`
    );
  }
  const { drs, defined } = host;
  const names = drs.slice(0, NAMES_SHOWN + 1).map((dr) => `${dr.namespace}/${dr.name}`);
  return (
    `Subset "${d.subset}" is not defined by any DestinationRule for host ${d.fqdn} (defined: ${defined.length ? cappedList(defined, defined.length) : 'none'}). ` +
    `Add it to DestinationRule ${cappedList(names, drs.length, 'or')} or use one of those.`
  );
}

interface AbsentRule {
  host: string;
  fqdn: string;
  vs: VirtualService;
  subsets: Set<string>;
}

function check(
  ctx: ValidationContext,
  look: Lookups,
  absent: AbsentGroups<AbsentRule>,
  vs: VirtualService,
  d: { host: string; fqdn: string; subset: string | undefined },
  path: YamlPath,
  edge: string,
): Diagnostic[] {
  if (d.subset === undefined || d.host === '') return [];
  const host = look.subsetsOf(d.fqdn);
  if (host.names.has(d.subset)) return [];
  const subset = d.subset;
  const ids = { edgeId: edge, nodeId: nodeId.virtualservice(vs.namespace, vs.name) };
  if (host.drs.length === 0) {
    // Nothing for the host in the text: its IST0101 (destination-host) says so once, subsets included.
    if (!hostInText(ctx, d.fqdn)) return [];
    if (isPartial(ctx)) {
      const ref = report(ctx, vs, [...path, 'subset'], 'IST0101', '', {
        ...ids,
        nodeId: nodeId.missing(`${d.fqdn}/${subset}`),
      });
      absent
        .add(d.fqdn, ref, () => ({ host: d.host, fqdn: d.fqdn, vs, subsets: new Set() }))
        .subsets.add(subset);
      return [];
    }
  }
  const diag = report(ctx, vs, [...path, 'subset'], 'IST0101', message({ ...d, subset }, host), ids);
  const near = host.drs.length ? closestName(subset, host.defined) : undefined;
  const change = near === undefined ? undefined : changeScalarFix(ctx, diag.range, near);
  return [
    {
      ...diag,
      fixes: [...(change ? [change] : []), ...fixesFor(look, vs, d.host, d.fqdn, [subset], host.drs)],
    },
  ];
}

/** IST0101: a route or mirror names a subset that no DestinationRule of its host defines (DestinationRuleAnalyzer). */
export const destinationSubset: Rule = (ctx) => {
  const absent = new AbsentGroups<AbsentRule>();
  const look: Lookups = {
    subsetsOf: cachedBy(String, (fqdn) => {
      const drs = ctx.index.drsFor(fqdn);
      const names = new Set(drs.flatMap((dr) => dr.subsets.map((s) => s.name)));
      return { drs, defined: [...names], names };
    }),
    labelKeys: cachedBy(String, (fqdn) => labelKeysByValue(ctx, fqdn)),
  };
  const out = ctx.model.virtualServices.flatMap((vs) =>
    vs.routes.flatMap((r) => [
      ...r.destinations.flatMap((d) =>
        check(
          ctx,
          look,
          absent,
          vs,
          d,
          [...rulePath(r), 'route', d.index, 'destination'],
          edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index),
        ),
      ),
      ...(r.mirror
        ? check(
            ctx,
            look,
            absent,
            vs,
            r.mirror,
            [...rulePath(r), 'mirror'],
            edgeId.mirror(vs.namespace, vs.name, r.index),
          )
        : []),
    ]),
  );
  return [
    ...out,
    ...absent.findings(
      (g, refs) => {
        const subsets = [...g.subsets];
        return (
          `No DestinationRule for host ${g.fqdn} is in this text, so its subset${subsets.length > 1 ? 's' : ''} ${listOf(subsets)} ` +
          `cannot be checked here. ${referencedBy(refs)} ${ELSEWHERE_HINT}`
        );
      },
      (g) => fixesFor(look, g.vs, g.host, g.fqdn, [...g.subsets], []),
    ),
  ];
};
