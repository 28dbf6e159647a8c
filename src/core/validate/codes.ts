import type { Severity } from './types';

/** Where a check's definition comes from. */
export type CodeSource = 'istioctl' | 'kiali' | 'studio';

export interface CodeInfo {
  title: string;
  severity: Severity;
  source: CodeSource;
  /** The page or file that defines the check. */
  doc: string;
}

const ISTIO_MSG = 'https://istio.io/latest/docs/reference/config/analysis/';
const KIALI_MSG = 'https://kiali.io/docs/features/validations/';
const DESIGN = 'DESIGN.md#validation';

/**
 * Every diagnostic code we emit. istioctl codes keep istioctl's meaning (messages.yaml); severities differ
 * from istioctl only where noted, because an editor sees a partial mesh that istioctl never does.
 */
export const CODES = {
  ITS0000: { title: 'InternalCheckFailure', severity: 'warning', source: 'studio', doc: DESIGN },
  ITS0001: { title: 'YamlSyntaxError', severity: 'error', source: 'studio', doc: DESIGN },
  ITS0002: { title: 'YamlWarning', severity: 'warning', source: 'studio', doc: DESIGN },
  ITS0101: { title: 'InvalidRouteWeights', severity: 'error', source: 'studio', doc: DESIGN },
  ITS0102: { title: 'WorkloadWithoutAppVersionLabels', severity: 'warning', source: 'studio', doc: DESIGN },
  ITS0103: { title: 'VersionNotCoveredBySubset', severity: 'info', source: 'studio', doc: DESIGN },
  ITS0104: { title: 'ServiceSelectsNoWorkload', severity: 'warning', source: 'studio', doc: DESIGN },
  ITS0105: { title: 'DuplicateResource', severity: 'error', source: 'studio', doc: DESIGN },
  ITS0106: { title: 'KubernetesSchemaValidationError', severity: 'error', source: 'studio', doc: DESIGN },
  // Error where kubectl's reading breaks the field (rules/yaml11-scalars.ts), else this default.
  ITS0120: { title: 'KubectlReadsScalarOtherwise', severity: 'warning', source: 'studio', doc: DESIGN },
  ITS0110: { title: 'IncompleteResource', severity: 'error', source: 'studio', doc: DESIGN },
  // What the API server rejects: "`selector` does not match template `labels`" (rules/workload-selector.ts).
  ITS0111: { title: 'WorkloadSelectorMismatch', severity: 'error', source: 'studio', doc: DESIGN },
  // From the Envoy view (core/envoy): the subset's DestinationRule is not the one istiod picks for the proxy.
  ITS0130: { title: 'RouteToSubsetClusterMissing', severity: 'error', source: 'studio', doc: DESIGN },
  // From the Envoy view: a STATIC ServiceEntry (or a subset of one) whose cluster has no endpoints (503 UH).
  ITS0131: { title: 'ClusterWithoutEndpoints', severity: 'warning', source: 'studio', doc: DESIGN },
  // From the Envoy view: a gateway route another VirtualService's earlier route always takes (rules/shadowed-routes.ts).
  ITS0132: { title: 'EnvoyRouteShadowed', severity: 'warning', source: 'studio', doc: DESIGN },
  IST0002: {
    title: 'Deprecated',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0002/`,
  },
  // Info, "not in this text", for a reference to something the text does not hold while it is part of a mesh.
  IST0101: {
    title: 'ReferencedResourceNotFound',
    severity: 'error',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0101/`,
  },
  IST0106: {
    title: 'SchemaValidationError',
    severity: 'error',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0106/`,
  },
  IST0109: {
    title: 'ConflictingMeshGatewayVirtualServiceHosts',
    severity: 'error',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0109/`,
  },
  IST0112: {
    title: 'VirtualServiceDestinationPortSelectorRequired',
    severity: 'error',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0112/`,
  },
  IST0128: {
    title: 'NoServerCertificateVerificationDestinationLevel',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0128/`,
  },
  IST0129: {
    title: 'NoServerCertificateVerificationPortLevel',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0129/`,
  },
  IST0130: {
    title: 'VirtualServiceUnreachableRule',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0130/`,
  },
  IST0131: {
    title: 'VirtualServiceIneffectiveMatch',
    severity: 'info',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0131/`,
  },
  IST0132: {
    title: 'VirtualServiceHostNotFoundInGateway',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0132/`,
  },
  IST0140: {
    title: 'IngressRouteRulesNotAffected',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0140/`,
  },
  IST0145: {
    title: 'ConflictingGateways',
    severity: 'error',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0145/`,
  },
  IST0162: {
    title: 'GatewayPortNotDefinedOnService',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0162/`,
  },
  IST0165: {
    title: 'ReferencedInternalGateway',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0165/`,
  },
  // istioctl says Error; a text often leaves out Deployments applied elsewhere (bookinfo's ratings v2-mysql).
  IST0173: {
    title: 'DestinationRuleSubsetNotSelectPods',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0173/`,
  },
  // Info while the text is part of a mesh (the host's Service is elsewhere).
  IST0174: {
    title: 'UnknownDestinationRuleHost',
    severity: 'warning',
    source: 'istioctl',
    doc: `${ISTIO_MSG}ist0174/`,
  },
  KIA0201: {
    title: 'MoreThanOneDestinationRuleForSubset',
    severity: 'warning',
    source: 'kiali',
    doc: KIALI_MSG,
  },
  KIA0209: { title: 'SubsetWithoutLabels', severity: 'warning', source: 'kiali', doc: KIALI_MSG },
  KIA1104: { title: 'WeightsNotSummingTo100', severity: 'warning', source: 'kiali', doc: KIALI_MSG },
  KIA1105: { title: 'DuplicateHostSubsetInRoute', severity: 'warning', source: 'kiali', doc: KIALI_MSG },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Default severity of a code. */
export function severityOf(code: Code): Severity {
  return CODES[code].severity;
}
