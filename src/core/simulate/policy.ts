import { arr, isRec, num, rec, type Rec } from '../model/read';

const FIELDS = ['connectionPool', 'loadBalancer', 'outlierDetection', 'tls', 'tunnel', 'proxyProtocol'];
// Port-level settings replace these wholesale: Istio's docs say they do not inherit from the level above.
const PORT_FIELDS = ['connectionPool', 'loadBalancer', 'outlierDetection', 'tls'];

export interface MergedPolicy {
  policy: Rec | undefined;
  /** Field → `host`, `host-port`, `subset` or `subset-port`. */
  sources: Record<string, string>;
}

function portLevel(policy: Rec, port: number | undefined): Rec | undefined {
  if (port === undefined) return undefined;
  return arr(policy.portLevelSettings)
    .map(rec)
    .find((p) => num(rec(p.port).number) === port);
}

function apply(
  out: Rec,
  sources: Record<string, string>,
  policy: Rec,
  port: number | undefined,
  level: string,
) {
  for (const f of FIELDS) {
    if (policy[f] !== undefined) {
      out[f] = policy[f];
      sources[f] = level;
    }
  }
  const pl = portLevel(policy, port);
  if (!pl) return;
  for (const f of PORT_FIELDS) {
    if (pl[f] !== undefined) {
      out[f] = pl[f];
      sources[f] = `${level}-port`;
    } else {
      delete out[f];
      delete sources[f];
    }
  }
}

/**
 * The traffic policy a client applies to a destination, as Istio's `MergeTrafficPolicy` builds it: host-level
 * fields, replaced by the host's port-level settings for `port`; then the subset's fields over them, replaced
 * by the subset's port-level settings for `port`.
 */
export function mergeTrafficPolicy(
  host: Rec | undefined,
  subset: Rec | undefined,
  port: number | undefined,
): MergedPolicy {
  const out: Rec = {};
  const sources: Record<string, string> = {};
  if (isRec(host)) apply(out, sources, host, port, 'host');
  if (isRec(subset)) apply(out, sources, subset, port, 'subset');
  return { policy: Object.keys(out).length ? out : undefined, sources };
}
