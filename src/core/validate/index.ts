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

const order = { error: 0, warning: 1, info: 2 } as const;

/**
 * Runs syntax checks and every rule; a rule that throws is reported, never fatal. Findings a resource's
 * annotations suppress (istioctl's and Kiali's, `suppressions.ts`) are dropped.
 */
export function validate(ctx: ValidationContext): Diagnostic[] {
  const out = syntaxDiagnostics(ctx.parsed, docsOf(ctx));
  for (const rule of rules) {
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
  const kept = applyAnnotationSuppressions(out, ctx.model, ctx.parsed);
  return kept.sort((a, b) => order[a.severity] - order[b.severity] || a.range[0] - b.range[0]);
}
