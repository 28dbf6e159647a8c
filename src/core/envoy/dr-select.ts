import { hostMatches } from '../model/hosts';
import type { DestinationRule, MeshModel, Subset } from '../model/types';
import { byCreation, labelsMatch, resolveConfigHost, visibleIn } from './env';
import type { Env, Proxy } from './types';
import type { Rec } from '../model/read';

/** The DestinationRule(s) istiod applies for one proxy and host, merged as `model/destination_rule.go` does. */
export interface ChosenRule {
  /** `ns/name` of each merged rule, first first. */
  keys: string[];
  rules: DestinationRule[];
  /** Subsets concatenated; the first of a duplicate name wins. */
  subsets: Subset[];
  /** The first top-level traffic policy. */
  trafficPolicy: Rec | undefined;
}

function specificity(pattern: string, host: string): number {
  if (!hostMatches(pattern, host)) return -1;
  return pattern === host ? Number.MAX_SAFE_INTEGER : pattern.length;
}

/** The most specific host among `rules`; those with a selector matching the proxy before selector-less ones. */
function pick(rules: readonly DestinationRule[], host: string, proxy: Proxy, env: Env): DestinationRule[] {
  let best = -1;
  let found: DestinationRule[] = [];
  for (const dr of rules) {
    if (dr.workloadSelector !== undefined && !labelsMatch(dr.workloadSelector, proxy.labels)) continue;
    const s = specificity(resolveConfigHost(dr.host, dr.namespace, env), host);
    if (s < 0) continue;
    if (s > best) {
      best = s;
      found = [dr];
    } else if (s === best) found.push(dr);
  }
  const selected = found.filter((d) => d.workloadSelector !== undefined);
  if (selected.length) return selected.slice(0, 1);
  // Rules for one host merge only when they export alike.
  const first = found[0];
  return first ? found.filter((d) => JSON.stringify(d.exportTo) === JSON.stringify(first.exportTo)) : [];
}

/**
 * The DestinationRule for `host` as seen from `proxy` (`model/push_context.go` destinationRule): the proxy's
 * namespace first, then the service's namespace (if exported to the proxy), then the root namespace.
 */
export function chooseDestinationRule(
  model: MeshModel,
  proxy: Proxy,
  host: string,
  serviceNs: string,
  env: Env,
): ChosenRule | undefined {
  const all = byCreation(model.destinationRules, env);
  const tiers = [proxy.namespace, serviceNs, env.rootNamespace];
  for (const ns of tiers) {
    const inNs = all.filter(
      (d) =>
        d.namespace === ns && (ns === proxy.namespace || visibleIn(d.exportTo, d.namespace, proxy.namespace)),
    );
    const rules = pick(inNs, host, proxy, env);
    if (rules.length === 0) continue;
    const subsets: Subset[] = [];
    for (const r of rules)
      for (const s of r.subsets) if (!subsets.some((x) => x.name === s.name)) subsets.push(s);
    return {
      keys: rules.map((r) => `${r.namespace}/${r.name}`),
      rules,
      subsets,
      trafficPolicy: rules.find((r) => r.trafficPolicy)?.trafficPolicy,
    };
  }
  return undefined;
}
