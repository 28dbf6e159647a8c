import { docsOf, type Rule, type ValidationContext } from './context';
import { caCertificates } from './rules/ca-certificates';
import { conflictingGateways } from './rules/conflicting-gateways';
import { deprecations } from './rules/deprecations';
import { destinationHost } from './rules/destination-host';
import { destinationSubset } from './rules/destination-subset';
import { drHost } from './rules/dr-host';
import { duplicateDestinations } from './rules/duplicate-destinations';
import { duplicateResources } from './rules/duplicate-resources';
import { duplicateSubsets } from './rules/duplicate-subsets';
import { emptySeClusters } from './rules/empty-se-clusters';
import { gatewayPorts } from './rules/gateway-ports';
import { gatewayRefs } from './rules/gateway-refs';
import { ingressSubsets } from './rules/ingress-subsets';
import { incompleteResource } from './rules/incomplete-resource';
import { schemaCheck } from './rules/schema';
import { meshHostConflicts } from './rules/mesh-host-conflicts';
import { serviceSelector } from './rules/service-selector';
import { subsetLabels } from './rules/subset-labels';
import { subsetClusterMissing } from './rules/subset-cluster-missing';
import { subsetPods } from './rules/subset-pods';
import { unreachableRules } from './rules/unreachable-rules';
import { envoyShadowedRoutes } from './rules/shadowed-routes';
import { weights } from './rules/weights';
import { workloadLabels } from './rules/workload-labels';
import { workloadSelector } from './rules/workload-selector';
import { yaml11Scalars } from './rules/yaml11-scalars';
import { syntaxDiagnostics } from './syntax';
import { applyAnnotationSuppressions } from './suppressions';
import type { Diagnostic } from './types';

/** Every semantic rule, in the order their findings are listed. */
export const rules: Rule[] = [
  schemaCheck,
  yaml11Scalars,
  incompleteResource,
  duplicateResources,
  destinationHost,
  destinationSubset,
  subsetClusterMissing,
  gatewayRefs,
  meshHostConflicts,
  unreachableRules,
  envoyShadowedRoutes,
  weights,
  duplicateDestinations,
  drHost,
  subsetPods,
  emptySeClusters,
  duplicateSubsets,
  subsetLabels,
  caCertificates,
  serviceSelector,
  workloadLabels,
  workloadSelector,
  deprecations,
  ingressSubsets,
  conflictingGateways,
  gatewayPorts,
];

/**
 * Rules that compare the resources bound to one gateway, whatever their namespaces: a keystroke's patch runs them
 * over the whole model, never over its scope (`core/derive-patch.ts`), and each memoises its findings per group
 * so that run re-checks only the group the edit changed. They apply annotation suppressions themselves.
 */
export const groupRules: readonly Rule[] = [envoyShadowedRoutes];
/** The codes only group rules report (a patch replaces all of them with the group rules' new findings). */
export const GROUP_CODES: ReadonlySet<string> = new Set(['ITS0132']);

const order = { error: 0, warning: 1, info: 2 } as const;

function run(rule: Rule, ctx: ValidationContext, out: Diagnostic[]): void {
  try {
    out.push(...rule(ctx));
  } catch (err) {
    out.push({
      code: 'ITS0000',
      severity: 'warning',
      message: `Internal: check ${rule.name || 'rule'} failed (${err instanceof Error ? err.message : String(err)}); other checks still ran.`,
      resource: undefined,
      path: '',
      range: [0, 0],
    });
  }
}

/**
 * Runs syntax checks and every rule (without the group rules when `groups` is false: a patch's scope); a rule
 * that throws is reported, never fatal. Findings a resource's annotations suppress (istioctl's and Kiali's,
 * `suppressions.ts`) are dropped.
 */
export function validate(ctx: ValidationContext, options: { groups?: boolean } = {}): Diagnostic[] {
  const out = syntaxDiagnostics(ctx.parsed, docsOf(ctx));
  for (const rule of rules) if (options.groups !== false || !groupRules.includes(rule)) run(rule, ctx, out);
  const kept = applyAnnotationSuppressions(out, ctx.model, ctx.parsed);
  return kept.sort((a, b) => order[a.severity] - order[b.severity] || a.range[0] - b.range[0]);
}

/** The group rules' findings over `ctx` (the whole model), unsorted. */
export function validateGroups(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of groupRules) run(rule, ctx, out);
  return out;
}
