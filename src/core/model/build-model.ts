import type { YamlPath } from '../yaml/locate';
import { resolveHost, serviceFqdn } from './hosts';
import {
  isListWrapper,
  resolveDefaultNamespace,
  type DefaultNamespace,
  type DeriveOptions,
} from './namespace';
import { arr, isRec, num, rec, str, strList, strMap, type Rec } from './read';
import { isRolloutObject, rolloutPodLabels, rolloutRefsOf, type RolloutWorkload } from './rollout';
import type {
  Destination,
  DestinationRule,
  Gateway,
  MeshModel,
  MissingField,
  ResourceBase,
  Route,
  RouteProtocol,
  Service,
  ServiceEntry,
  ServicePort,
  VirtualService,
  Workload,
} from './types';

/** A document's value as the model sees it. */
export interface ModelInput {
  docIndex: number;
  value: unknown;
  stale: boolean;
}

const ISTIO_GROUP = 'networking.istio.io';
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Flattens `kind: List` (as `kubectl get -o yaml` prints it) into its items. */
function objectsOf(input: ModelInput): { raw: Rec; basePath: YamlPath }[] {
  const v = input.value;
  if (!isRec(v)) return [];
  if (isListWrapper(v)) {
    return arr(v.items).flatMap((item, i) => (isRec(item) ? [{ raw: item, basePath: ['items', i] }] : []));
  }
  return [{ raw: v, basePath: [] }];
}

/** What kubectl apply would reject the object for lacking (empty strings count as missing). */
function missingOf(raw: Rec): MissingField[] {
  const out: MissingField[] = [];
  if (!str(raw.apiVersion)) out.push('apiVersion');
  if (!str(raw.kind)) out.push('kind');
  if (!str(rec(raw.metadata).name)) out.push('metadata.name');
  return out;
}

function base(
  raw: Rec,
  docIndex: number,
  basePath: YamlPath,
  stale: boolean,
  defaultNs: string,
): ResourceBase {
  const meta = rec(raw.metadata);
  const kind = str(raw.kind) ?? '';
  const name = str(meta.name) ?? '';
  const ns = str(meta.namespace);
  const namespace = ns && ns !== '' ? ns : defaultNs;
  const missing = missingOf(raw);
  return {
    ref: `${kind} ${namespace}/${name}`,
    kind,
    apiVersion: str(raw.apiVersion) ?? '',
    name,
    namespace,
    namespaceExplicit: ns !== undefined && ns !== '',
    raw,
    docIndex,
    basePath,
    stale,
    ...(missing.length > 0 ? { missing } : {}),
  };
}

function ports(v: unknown): ServicePort[] {
  return arr(v).map((p) => {
    const r = rec(p);
    return {
      port: num(r.port ?? r.number),
      name: str(r.name),
      protocol: str(r.protocol),
      targetPort: str(r.targetPort),
    };
  });
}

function destination(v: unknown, index: number, ns: string, weight: unknown): Destination {
  const d = rec(v);
  const host = str(d.host) ?? '';
  return {
    index,
    host,
    fqdn: resolveHost(host, ns),
    subset: str(d.subset),
    port: num(rec(d.port).number),
    weight: num(weight),
  };
}

function routes(spec: Rec, ns: string): Route[] {
  const out: Route[] = [];
  for (const protocol of ['http', 'tcp', 'tls'] as RouteProtocol[]) {
    arr(spec[protocol]).forEach((r, index) => {
      const raw = rec(r);
      const mirror = isRec(raw.mirror) ? destination(raw.mirror, 0, ns, undefined) : undefined;
      const delegate = isRec(raw.delegate)
        ? { name: str(raw.delegate.name) ?? '', namespace: str(raw.delegate.namespace) ?? ns }
        : undefined;
      out.push({
        protocol,
        index,
        name: str(raw.name),
        match: arr(raw.match).map(rec),
        destinations: arr(raw.route).map((rd, i) => destination(rec(rd).destination, i, ns, rec(rd).weight)),
        delegate,
        mirror: mirror && { host: mirror.host, fqdn: mirror.fqdn, subset: mirror.subset, port: mirror.port },
        mirrorPercent: num(rec(raw.mirrorPercentage).value) ?? num(raw.mirrorPercent),
        raw,
      });
    });
  }
  return out;
}

/** An Argo Rollout runs pods like a Deployment: its pod template (or selector) and its Istio references. */
function rolloutOf(b: ResourceBase, spec: Rec): RolloutWorkload {
  const podLabels = rolloutPodLabels(spec);
  return {
    ...b,
    kind: 'Rollout',
    podLabels,
    app: podLabels.app ?? podLabels['app.kubernetes.io/name'],
    version: podLabels.version ?? podLabels['app.kubernetes.io/version'],
    replicas: num(spec.replicas),
    images: arr(rec(rec(spec.template).spec).containers)
      .map((c) => str(rec(c).image))
      .filter((s): s is string => s !== undefined),
    rollout: rolloutRefsOf(spec),
  };
}

type Bucket = Exclude<keyof MeshModel, 'resources' | 'defaultNamespace'>;
/** The plain base (what `resources` lists) and the typed resource for its own list. */
export type Built = readonly [Bucket, ResourceBase, ResourceBase];

/** One object's typed resource and the list of the model it belongs to. */
function classify(input: ModelInput, raw: Rec, basePath: YamlPath, defaultNs: string): Built {
  const b = base(raw, input.docIndex, basePath, input.stale, defaultNs);
  // Half-written: kept (export, schema checks) but never drawn as a nameless node.
  if (b.missing) return ['others', b, b];
  const spec = rec(raw.spec);
  const g = group(b.apiVersion);
  if (b.kind === 'Service' && b.apiVersion === 'v1') {
    const s: Service = {
      ...b,
      kind: 'Service',
      fqdn: serviceFqdn(b.name, b.namespace),
      ports: ports(spec.ports),
      selector: strMap(spec.selector),
    };
    return ['services', b, s];
  } else if (WORKLOAD_KINDS.has(b.kind) && (g === 'apps' || g === 'extensions' || b.apiVersion === 'v1')) {
    const podMeta = b.kind === 'Pod' ? rec(raw.metadata) : rec(rec(spec.template).metadata);
    const podSpec = b.kind === 'Pod' ? spec : rec(rec(spec.template).spec);
    const podLabels = strMap(podMeta.labels);
    const w: Workload = {
      ...b,
      podLabels,
      app: podLabels.app ?? podLabels['app.kubernetes.io/name'],
      version: podLabels.version ?? podLabels['app.kubernetes.io/version'],
      replicas: num(spec.replicas),
      images: arr(podSpec.containers)
        .map((c) => str(rec(c).image))
        .filter((s): s is string => s !== undefined),
    };
    return ['workloads', b, w];
  } else if (isRolloutObject(b.kind, b.apiVersion)) {
    return ['workloads', b, rolloutOf(b, spec)];
  } else if (g === ISTIO_GROUP && b.kind === 'DestinationRule') {
    const host = str(spec.host) ?? '';
    const dr: DestinationRule = {
      ...b,
      kind: 'DestinationRule',
      host,
      fqdn: resolveHost(host, b.namespace),
      subsets: arr(spec.subsets).map((s, index) => {
        const r = rec(s);
        return {
          index,
          name: str(r.name) ?? '',
          labels: strMap(r.labels),
          trafficPolicy: isRec(r.trafficPolicy) ? r.trafficPolicy : undefined,
        };
      }),
      trafficPolicy: isRec(spec.trafficPolicy) ? spec.trafficPolicy : undefined,
      exportTo: strList(spec.exportTo),
      workloadSelector: isRec(spec.workloadSelector) ? strMap(spec.workloadSelector.matchLabels) : undefined,
    };
    return ['destinationRules', b, dr];
  } else if (g === ISTIO_GROUP && b.kind === 'VirtualService') {
    const hosts = strList(spec.hosts);
    const vs: VirtualService = {
      ...b,
      kind: 'VirtualService',
      hosts,
      fqdns: hosts.map((h) => resolveHost(h, b.namespace)),
      gateways: strList(spec.gateways),
      routes: routes(spec, b.namespace),
      exportTo: strList(spec.exportTo),
    };
    return ['virtualServices', b, vs];
  } else if (g === ISTIO_GROUP && b.kind === 'Gateway') {
    const gw: Gateway = {
      ...b,
      kind: 'Gateway',
      selector: strMap(spec.selector),
      servers: arr(spec.servers).map((s, index) => {
        const r = rec(s);
        const p = rec(r.port);
        return {
          index,
          port: num(p.number),
          portName: str(p.name),
          protocol: str(p.protocol),
          hosts: strList(r.hosts),
          tlsMode: str(rec(r.tls).mode),
        };
      }),
    };
    return ['gateways', b, gw];
  } else if (g === ISTIO_GROUP && b.kind === 'ServiceEntry') {
    const hosts = strList(spec.hosts);
    const se: ServiceEntry = {
      ...b,
      kind: 'ServiceEntry',
      hosts,
      fqdns: hosts.map((h) => resolveHost(h, b.namespace)),
      ports: ports(spec.ports),
      location: str(spec.location),
      resolution: str(spec.resolution),
      exportTo: strList(spec.exportTo),
    };
    return ['serviceEntries', b, se];
  } else {
    return ['others', b, b];
  }
}

// Keyed on the parsed value: the parser hands back the same object while a document's text is unchanged, so a
// keystroke rebuilds only the resources of the document it touched. The namespace for resources without one
// is part of the key: changing it (setting it, or a text naming a new namespace) rebuilds them.
const cache = new WeakMap<object, { docIndex: number; stale: boolean; defaultNs: string; built: Built[] }>();

/** One document's resources (memoised on its value, index, staleness and the default namespace). */
export function builtOf(input: ModelInput, defaultNs: string): Built[] {
  const v = input.value;
  const hit = isRec(v) ? cache.get(v) : undefined;
  if (hit && hit.docIndex === input.docIndex && hit.stale === input.stale && hit.defaultNs === defaultNs)
    return hit.built;
  const built = objectsOf(input).map(({ raw, basePath }) => classify(input, raw, basePath, defaultNs));
  if (isRec(v)) cache.set(v, { docIndex: input.docIndex, stale: input.stale, defaultNs, built });
  return built;
}

/**
 * Builds the mesh model from parsed documents. Never throws; unknown kinds and incomplete objects go to
 * `others`. Resources without a namespace take `options.defaultNamespace`, or the one the text names.
 */
export function buildModel(inputs: readonly ModelInput[], options: DeriveOptions = {}): MeshModel {
  const defaultNamespace = resolveDefaultNamespace(
    inputs.map((i) => i.value),
    options,
  );
  return modelOf(
    inputs.map((input) => builtOf(input, defaultNamespace.name)),
    defaultNamespace,
  );
}

/** A model of documents' resources, in document order (also a part of the text's model: derive-patch.ts). */
export function modelOf(docs: readonly (readonly Built[])[], defaultNamespace: DefaultNamespace): MeshModel {
  const m: MeshModel = {
    resources: [],
    services: [],
    workloads: [],
    destinationRules: [],
    virtualServices: [],
    gateways: [],
    serviceEntries: [],
    others: [],
    defaultNamespace,
  };
  for (const built of docs) {
    for (const [bucket, b, r] of built) {
      m.resources.push(b);
      (m[bucket] as ResourceBase[]).push(r);
    }
  }
  return m;
}

/** Where each document's resources start in the model's lists: per list, one offset a document and the end. */
export type ModelOffsets = Record<Bucket | 'resources', Int32Array>;

const BUCKETS: readonly (Bucket | 'resources')[] = [
  'resources',
  'services',
  'workloads',
  'destinationRules',
  'virtualServices',
  'gateways',
  'serviceEntries',
  'others',
];

/** The offsets of a model built by `modelOf(docs, …)`. */
export function modelOffsets(docs: readonly (readonly Built[])[]): ModelOffsets {
  const out = Object.fromEntries(BUCKETS.map((b) => [b, new Int32Array(docs.length + 1)])) as ModelOffsets;
  const at = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket | 'resources', number>;
  docs.forEach((built, i) => {
    for (const b of BUCKETS) out[b][i] = at[b];
    for (const [bucket] of built) {
      at.resources++;
      at[bucket]++;
    }
  });
  for (const b of BUCKETS) out[b][docs.length] = at[b];
  return out;
}

/**
 * `modelOf(now, …)` from the model of `was`, when the documents `changed` still hold resources of the same lists
 * in the same order (a keystroke in a value): their resources are put in place in copies of the lists, the
 * offsets stay. Undefined when a changed document's shape moved (the caller builds the model afresh).
 */
export function patchModel(
  model: MeshModel,
  offsets: ModelOffsets,
  was: readonly (readonly Built[])[],
  now: readonly (readonly Built[])[],
  changed: readonly number[],
): MeshModel | undefined {
  for (const i of changed) {
    const a = was[i] ?? [];
    const b = now[i] ?? [];
    if (a.length !== b.length || a.some((x, k) => x[0] !== b[k]?.[0])) return undefined;
  }
  const m: MeshModel = { ...model };
  const copied = new Set<Bucket | 'resources'>();
  const list = (b: Bucket | 'resources') => {
    if (!copied.has(b)) {
      copied.add(b);
      (m[b] as ResourceBase[]) = (model[b] as ResourceBase[]).slice();
    }
    return m[b] as ResourceBase[];
  };
  for (const i of changed) {
    const seen = new Map<Bucket, number>();
    (now[i] ?? []).forEach(([bucket, base, r], k) => {
      list('resources')[(offsets.resources[i] ?? 0) + k] = base;
      const n = seen.get(bucket) ?? 0;
      seen.set(bucket, n + 1);
      list(bucket)[(offsets[bucket][i] ?? 0) + n] = r;
    });
  }
  return m;
}
