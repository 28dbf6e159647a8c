import type { Rec } from '../model/read';
import { flag, group, list, nested, number, optional, text, writeGroup, type Codec } from './codec';

export const LB_SIMPLE = ['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'PASSTHROUGH'] as const;
export const TLS_MODES = ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'] as const;

// Form values mirror Istio's fields one to one; an absent member is not written. Enums stay strings so a
// value this editor does not list (a newer Istio's) still shows and survives.

export interface ConsistentHashForm {
  httpCookie?: { name?: string; ttl?: string; path?: string };
  httpHeaderName?: string;
  httpQueryParameterName?: string;
  useSourceIp?: boolean;
}

export interface LoadBalancerForm {
  simple?: string;
  consistentHash?: ConsistentHashForm;
  localityLbSetting?: { enabled?: boolean };
}

export interface ConnectionPoolForm {
  tcp?: { maxConnections?: number; connectTimeout?: string };
  http?: {
    http1MaxPendingRequests?: number;
    http2MaxRequests?: number;
    maxRequestsPerConnection?: number;
    maxRetries?: number;
  };
}

export interface OutlierDetectionForm {
  consecutive5xxErrors?: number;
  interval?: string;
  baseEjectionTime?: string;
  maxEjectionPercent?: number;
}

export interface TlsForm {
  mode?: string;
  clientCertificate?: string;
  privateKey?: string;
  caCertificates?: string;
  credentialName?: string;
  sni?: string;
}

/** The policy fields shared by the host, subset and port levels. */
export interface PolicyFields {
  loadBalancer?: LoadBalancerForm;
  connectionPool?: ConnectionPoolForm;
  outlierDetection?: OutlierDetectionForm;
  tls?: TlsForm;
}

export interface PortPolicyForm extends PolicyFields {
  /** `port.number`. */
  port?: number;
}

export interface TrafficPolicyForm extends PolicyFields {
  portLevelSettings?: PortPolicyForm[];
}

const loadBalancer = group<LoadBalancerForm>({
  simple: text,
  consistentHash: optional(
    group<ConsistentHashForm>({
      httpCookie: optional(group({ name: text, ttl: text, path: text })),
      httpHeaderName: text,
      httpQueryParameterName: text,
      useSourceIp: flag,
    }),
  ),
  localityLbSetting: optional(group({ enabled: flag })),
});

const connectionPool = group<ConnectionPoolForm>({
  tcp: optional(group({ maxConnections: number, connectTimeout: text })),
  http: optional(
    group({
      http1MaxPendingRequests: number,
      http2MaxRequests: number,
      maxRequestsPerConnection: number,
      maxRetries: number,
    }),
  ),
});

const outlierDetection = group<OutlierDetectionForm>({
  consecutive5xxErrors: number,
  interval: text,
  baseEjectionTime: text,
  maxEjectionPercent: number,
});

const tls = group<TlsForm>({
  mode: text,
  clientCertificate: text,
  privateKey: text,
  caCertificates: text,
  credentialName: text,
  sni: text,
});

const policyFields = {
  loadBalancer: optional(loadBalancer),
  connectionPool: optional(connectionPool),
  outlierDetection: optional(outlierDetection),
  tls: optional(tls),
};

const portPolicy = group<PortPolicyForm>({ port: nested('number', number), ...policyFields });

const trafficPolicy: Codec<TrafficPolicyForm> = group<TrafficPolicyForm>({
  ...policyFields,
  portLevelSettings: list(portPolicy),
});

/** The inspector's view of a DestinationRule `trafficPolicy` (host or subset level); never throws. */
export function readTrafficPolicy(raw: unknown): TrafficPolicyForm {
  return trafficPolicy.read(raw);
}

/**
 * Writes the form over the previous `trafficPolicy`: fields the form does not know, and values it did not
 * change, are kept as they were; only what the form clears is dropped. Undefined when nothing is left.
 * The result shares unchanged parts with `previous`: treat both as read-only.
 */
export function writeTrafficPolicy(form: TrafficPolicyForm, previous: unknown): Rec | undefined {
  return writeGroup(trafficPolicy, form, previous);
}

/** An empty form: no policy at all. */
export function emptyTrafficPolicy(): TrafficPolicyForm {
  return readTrafficPolicy(undefined);
}
