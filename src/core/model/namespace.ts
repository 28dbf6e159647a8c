import { arr, isRec, rec, str, type Rec } from './read';

/**
 * How to read a text, as kubectl's flags would say it. The CLI's `its -n ns` and the app's setting both pass
 * this; everything is optional, and `{}` reads the text as the app does by default.
 */
export interface DeriveOptions {
  /**
   * Namespace for resources that name none (kubectl's `-n`). Empty or undefined: inferred from the text (the
   * one namespace its other resources name, else `default`). Never written into the YAML.
   */
  defaultNamespace?: string;
  /**
   * Whether the text is the whole mesh. False: it is part of one (most repositories split Services,
   * DestinationRules and Gateways over files), so a reference to something not in the text is shown as "not in
   * this text" (info, one finding per missing thing) instead of an error. Undefined reads as false; the app passes
   * true once the person ticks "This is the whole mesh", and `its check` passes true (as `istioctl analyze` reads
   * the files it is given) unless `--partial`.
   */
  meshComplete?: boolean;
}

/** The namespace resources without one are read in, and where it came from. */
export interface DefaultNamespace {
  name: string;
  /** `set`: by the person (or `-n`); `inferred`: the one namespace the text names; `fallback`: `default`. */
  source: 'set' | 'inferred' | 'fallback';
  /** The namespaces the text's namespaced resources name, sorted (what inference looked at). */
  named: string[];
}

/** The namespace Kubernetes puts a resource in when neither the manifest nor kubectl names one. */
export const KUBERNETES_DEFAULT_NAMESPACE = 'default';

// Kinds that live outside namespaces: their `metadata.namespace` (if any) is ignored by the API server, and a
// `kind: Namespace` names a namespace without being in one, so none of them says where the others go.
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'VolumeAttachment',
  'CSIDriver',
  'CSINode',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ComponentStatus',
  'GatewayClass',
  'ClusterIssuer',
]);

/** True for kinds that have no namespace (Namespace, ClusterRole, CustomResourceDefinition, ...). */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** True for `kind: List` and `kind: …List` wrappers (as `kubectl get -o yaml` prints several objects). */
export function isListWrapper(v: Rec): boolean {
  return (
    v.kind === 'List' || (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items))
  );
}

// Per parsed value: the parser hands back the same object while a document's text is unchanged, so a
// keystroke re-reads only the document it touched.
const namedCache = new WeakMap<Rec, readonly string[]>();

/** The namespaces a document's namespaced objects (or List items) name. */
export function namedIn(v: Rec): readonly string[] {
  let out = namedCache.get(v);
  if (out) return out;
  const objects = isListWrapper(v) ? arr(v.items).filter(isRec) : [v];
  const found: string[] = [];
  for (const o of objects) {
    const kind = str(o.kind);
    // Without a kind its scope is unknown; the incomplete-resource check reports it instead.
    if (!kind || isClusterScoped(kind)) continue;
    const ns = str(rec(o.metadata).namespace);
    if (ns) found.push(ns);
  }
  out = found;
  namedCache.set(v, out);
  return out;
}

/**
 * Resolves the namespace for resources without one: the option when set, else the one namespace the other
 * resources name (a file written for `kubectl apply -n travel` names it on some resources only), else `default`.
 */
export function resolveDefaultNamespace(
  values: Iterable<unknown>,
  options: DeriveOptions = {},
): DefaultNamespace {
  const names = new Set<string>();
  for (const v of values) if (isRec(v)) for (const ns of namedIn(v)) names.add(ns);
  const named = [...names].sort();
  const set = options.defaultNamespace?.trim();
  if (set) return { name: set, source: 'set', named };
  const [only] = named;
  if (named.length === 1 && only) return { name: only, source: 'inferred', named };
  return { name: KUBERNETES_DEFAULT_NAMESPACE, source: 'fallback', named };
}
