import type { MeshModel } from '../../../core/model/types';
import { createRequest, parseHeaders, parseLabels } from '../../../core/simulate/request';
import type { SimRequest } from '../../../core/simulate/types';

/** What the simulator's inputs hold: plain strings, turned into a request on run. */
export interface SimForm {
  host: string;
  port: string;
  /** Path with an optional `?query`. */
  path: string;
  method: string;
  headers: string;
  gateway: string;
  scheme: string;
  authority: string;
  sourceLabels: string;
  sourceNamespace: string;
  protocol: SimRequest['protocol'];
}

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
export const SCHEMES = ['http', 'https'] as const;
export const PROTOCOLS = ['http', 'tcp', 'tls'] as const;

/** Hosts the VirtualServices route, concrete ones first, for the host datalist. */
export function hostOptions(model: MeshModel): string[] {
  const hosts = new Set<string>();
  for (const vs of model.virtualServices) vs.hosts.forEach((h) => hosts.add(h));
  return [...hosts].sort((a, b) => Number(a.includes('*')) - Number(b.includes('*')));
}

/** `mesh` and every Gateway as `ns/name`. */
export function gatewayOptions(model: MeshModel): string[] {
  return ['mesh', ...model.gateways.map((g) => `${g.namespace}/${g.name}`)];
}

export function defaultForm(host = ''): SimForm {
  return {
    host,
    port: '',
    path: '/',
    method: 'GET',
    headers: '',
    gateway: 'mesh',
    scheme: 'http',
    authority: '',
    sourceLabels: '',
    sourceNamespace: 'default',
    protocol: 'http',
  };
}

/** The request the form describes, or the reasons it cannot be run. */
export function formToRequest(f: SimForm): { request: SimRequest | undefined; errors: string[] } {
  const errors: string[] = [];
  if (f.host.trim() === '') errors.push('Enter a host.');
  const portText = f.port.trim();
  const port = portText === '' ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    errors.push(`Port must be a number from 1 to 65535, got "${portText}".`);
  }
  const parsed = parseHeaders(f.headers);
  errors.push(...parsed.errors.map((e) => `Headers ${e}`));
  if (errors.length > 0) return { request: undefined, errors };
  const request = createRequest({
    host: f.host,
    port,
    path: f.path.trim(),
    method: f.method,
    scheme: f.scheme,
    authority: f.authority.trim() === '' ? undefined : f.authority.trim(),
    headers: parsed.headers,
    sourceLabels: parseLabels(f.sourceLabels),
    sourceNamespace: f.sourceNamespace,
    gateway: f.gateway,
    protocol: f.protocol,
  });
  return { request, errors };
}

/** The form that describes a request (a loaded preset, or the last run). */
export function requestToForm(r: SimRequest): SimForm {
  const qs = Object.entries(r.query)
    .map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join('&');
  return {
    host: r.host,
    port: r.port === undefined ? '' : String(r.port),
    path: qs === '' ? r.path : `${r.path}?${qs}`,
    method: r.method,
    headers: Object.entries(r.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    gateway: r.gateway,
    scheme: r.scheme,
    authority: r.authority ?? '',
    sourceLabels: Object.entries(r.sourceLabels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
    sourceNamespace: r.sourceNamespace,
    protocol: r.protocol,
  };
}
