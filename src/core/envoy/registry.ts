import { arr, num, rec, str, strList, strMap } from '../model/read';
import type { MeshModel, ResourceBase } from '../model/types';
import { byCreation, kubeFqdn, labelsMatch, resolveConfigHost, visibleIn } from './env';
import type { ClusterType, Env, Proxy } from './types';
import { memoOnModel } from './memo';

/** A port as istiod sees it, with its protocol resolved (`AUTO` when it must be sniffed). */
export interface RegPort {
  port: number;
  name: string;
  protocol: string;
  targetPort: number | undefined;
}

/** One service of istiod's registry: a Kubernetes Service or one host of a ServiceEntry. */
export interface RegService {
  hostname: string;
  namespace: string;
  /** `Kind ns/name` of the resource it comes from. */
  ref: string;
  source: ResourceBase;
  ports: RegPort[];
  /** Single-IP VIPs (listeners bind to them). */
  vips: string[];
  /** CIDR addresses (`/n` shorter than the address): filter-chain prefix ranges on `0.0.0.0`. */
  cidrs: string[];
  headless: boolean;
  /** The Envoy cluster type. */
  clusterType: ClusterType;
  exportTo: string[];
  /** Hostnames of ExternalName Services that alias this one. */
  aliases: string[];
  /** Endpoint addresses (ServiceEntry endpoints, EndpointSlices). */
  endpointIps: string[];
  /** Workloads (`Kind ns/name`) behind the service with their pod labels. */
  workloads: { ref: string; labels: Record<string, string> }[];
  /** ServiceEntry endpoints given by address, with their labels. */
  endpoints: { address: string; labels: Record<string, string> }[];
  /** `metadata.labels` of the resource. */
  labels: Record<string, string>;
}

const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY']);
const KNOWN = new Set([...HTTP_PROTOCOLS, 'TCP', 'TLS', 'HTTPS', 'UDP', 'MONGO', 'REDIS', 'MYSQL']);

export function isHttpProtocol(p: string): boolean {
  return HTTP_PROTOCOLS.has(p);
}

/** Protocol of a Kubernetes port: `appProtocol`, else the name's prefix (`http-web` is HTTP), else sniffed. */
function kubeProtocol(p: Record<string, unknown>): string {
  if (str(p.protocol)?.toUpperCase() === 'UDP') return 'UDP';
  const app = str(p.appProtocol)?.toUpperCase();
  if (app && KNOWN.has(app)) return app;
  const prefix = (str(p.name) ?? '').split('-')[0]?.toUpperCase() ?? '';
  return KNOWN.has(prefix) ? prefix : 'AUTO';
}

function seProtocol(p: Record<string, unknown>): string {
  const v = str(p.protocol)?.toUpperCase();
  return v && KNOWN.has(v) ? v : 'AUTO';
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Splits ServiceEntry `addresses` into single IPs and CIDR ranges. */
function splitAddresses(addresses: readonly string[]): { vips: string[]; cidrs: string[] } {
  const vips: string[] = [];
  const cidrs: string[] = [];
  for (const a of addresses) {
    const [ip = '', len] = a.split('/');
    const full = IPV4.test(ip) ? 32 : 128;
    if (len === undefined || Number(len) === full) vips.push(ip);
    else cidrs.push(a);
  }
  return { vips, cidrs };
}

function kubeServices(model: MeshModel, env: Env): RegService[] {
  const out: RegService[] = [];
  const slices = model.others.filter((o) => o.kind === 'EndpointSlice');
  for (const s of model.services) {
    const spec = rec(s.raw.spec);
    if (str(spec.type) === 'ExternalName') continue;
    const clusterIP = str(spec.clusterIP);
    const headless = clusterIP === 'None';
    const ports = arr(spec.ports).map((v) => {
      const p = rec(v);
      return {
        port: num(p.port) ?? 0,
        name: str(p.name) ?? '',
        protocol: kubeProtocol(p),
        targetPort: num(p.targetPort),
      };
    });
    const selected = Object.keys(s.selector).length
      ? model.workloads.filter((w) => w.namespace === s.namespace && labelsMatch(s.selector, w.podLabels))
      : [];
    const endpointIps = slices
      .filter(
        (e) =>
          e.namespace === s.namespace &&
          strMap(rec(e.raw.metadata).labels)['kubernetes.io/service-name'] === s.name,
      )
      .flatMap((e) => arr(e.raw.endpoints).flatMap((ep) => strList(rec(ep).addresses)));
    const annotations = strMap(rec(s.raw.metadata).annotations);
    out.push({
      hostname: kubeFqdn(s.name, s.namespace, env),
      namespace: s.namespace,
      ref: s.ref,
      source: s,
      ports,
      vips: clusterIP && !headless ? [clusterIP] : [],
      cidrs: [],
      headless,
      clusterType: headless ? 'ORIGINAL_DST' : 'EDS',
      exportTo: (annotations['networking.istio.io/exportTo'] ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      aliases: [],
      endpointIps,
      workloads: selected.map((w) => ({ ref: w.ref, labels: w.podLabels })),
      endpoints: [],
      labels: strMap(rec(s.raw.metadata).labels),
    });
  }
  // ExternalName Services alias the Service they name (Istio's EnableExternalNameAlias).
  for (const s of model.services) {
    const spec = rec(s.raw.spec);
    if (str(spec.type) !== 'ExternalName') continue;
    const target = (str(spec.externalName) ?? '').toLowerCase();
    const concrete = out.find((x) => x.hostname === target);
    if (concrete) concrete.aliases.push(kubeFqdn(s.name, s.namespace, env));
  }
  return out;
}

function serviceEntries(model: MeshModel, env: Env): RegService[] {
  const out: RegService[] = [];
  for (const se of byCreation(model.serviceEntries, env)) {
    const spec = rec(se.raw.spec);
    const ports = arr(spec.ports).map((v) => {
      const p = rec(v);
      return {
        port: num(p.number) ?? 0,
        name: str(p.name) ?? '',
        protocol: seProtocol(p),
        targetPort: num(p.targetPort),
      };
    });
    const { vips, cidrs } = splitAddresses(strList(spec.addresses));
    const endpoints = arr(spec.endpoints).map((e) => ({
      address: str(rec(e).address) ?? '',
      labels: strMap(rec(e).labels),
    }));
    const selector = rec(spec.workloadSelector).labels;
    const workloads = selector
      ? model.workloads
          .filter((w) => w.namespace === se.namespace && labelsMatch(strMap(selector), w.podLabels))
          .map((w) => ({ ref: w.ref, labels: w.podLabels }))
      : [];
    const resolution = str(spec.resolution) ?? 'NONE';
    const clusterType: ClusterType =
      resolution === 'DNS'
        ? 'STRICT_DNS'
        : resolution === 'DNS_ROUND_ROBIN'
          ? 'LOGICAL_DNS'
          : resolution === 'STATIC'
            ? 'EDS'
            : 'ORIGINAL_DST';
    for (const host of se.hosts) {
      out.push({
        hostname: resolveConfigHost(host, se.namespace, env),
        namespace: se.namespace,
        ref: se.ref,
        source: se,
        ports,
        vips,
        cidrs,
        headless: false,
        clusterType,
        exportTo: se.exportTo,
        aliases: [],
        endpointIps: endpoints.map((e) => e.address),
        workloads,
        endpoints,
        labels: strMap(rec(se.raw.metadata).labels),
      });
    }
  }
  return out;
}

/** Every service of the text, Kubernetes Services first, then ServiceEntry hosts in config order. */
export function registry(model: MeshModel, env: Env): readonly RegService[] {
  // Listeners, routes and clusters of every proxy read the same registry: build it once per model.
  return memoOnModel(model, `registry ${JSON.stringify(env)}`, () => [
    ...kubeServices(model, env),
    ...serviceEntries(model, env),
  ]);
}

/** The services a proxy in `ns` sees (`exportTo`); the first service per hostname wins. */
export function visibleServices(all: readonly RegService[], ns: string): RegService[] {
  const seen = new Set<string>();
  const out: RegService[] = [];
  for (const s of all) {
    if (!visibleIn(s.exportTo, s.namespace, ns) || seen.has(s.hostname)) continue;
    seen.add(s.hostname);
    out.push(s);
  }
  return out;
}

/**
 * The services the proxy itself is an endpoint of: a Service in its namespace selecting its labels, or a
 * ServiceEntry in its namespace with an endpoint at one of its IPs (or a workloadSelector matching it).
 */
export function ownServices(all: readonly RegService[], proxy: Proxy): RegService[] {
  const ips = new Set(proxy.ips ?? []);
  return all.filter((s) => {
    if (s.namespace !== proxy.namespace) return false;
    if (s.source.kind === 'Service') {
      const sel = strMap(rec(s.source.raw.spec).selector);
      return Object.keys(sel).length > 0 && labelsMatch(sel, proxy.labels);
    }
    if (s.endpoints.some((e) => ips.has(e.address))) return true;
    const sel = rec(rec(s.source.raw.spec).workloadSelector).labels;
    return sel !== undefined && labelsMatch(strMap(sel), proxy.labels);
  });
}
