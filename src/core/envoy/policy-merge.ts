import { arr, isRec, num, rec, type Rec } from '../model/read';

const COMPONENTS = ['connectionPool', 'loadBalancer', 'outlierDetection', 'tls', 'tunnel', 'proxyProtocol'];
const PORT_COMPONENTS = ['connectionPool', 'loadBalancer', 'outlierDetection', 'tls'];

function portLevel(policy: Rec, port: number): Rec | undefined {
  return arr(policy.portLevelSettings)
    .map(rec)
    .find((p) => num(rec(p.port).number) === port);
}

/**
 * Istio's `MergeTrafficPolicy` (`networking/util/util.go`): the base's components, each replaced by the
 * override's when set; then the override's `portLevelSettings` for `port` replace pool, load balancer,
 * outlier detection and TLS wholesale (port-level settings do not inherit).
 */
function merge(base: Rec | undefined, override: Rec, port: number): Rec {
  const out: Rec = {};
  const b = base && arr(base.portLevelSettings).length ? merge(undefined, base, port) : base;
  for (const k of COMPONENTS) if (b && b[k] !== undefined) out[k] = b[k];
  for (const k of COMPONENTS) if (override[k] !== undefined) out[k] = override[k];
  const pl = portLevel(override, port);
  if (pl) {
    for (const k of PORT_COMPONENTS) {
      if (pl[k] !== undefined) out[k] = pl[k];
      else delete out[k];
    }
  }
  return out;
}

/**
 * The policy a cluster really gets, highest first: subset `portLevelSettings[port]` > subset `trafficPolicy`
 * > DestinationRule `portLevelSettings[port]` > DestinationRule `trafficPolicy`. Undefined when none is set.
 */
export function effectivePolicy(
  drPolicy: Rec | undefined,
  subsetPolicy: Rec | undefined,
  port: number,
): Rec | undefined {
  let out = drPolicy ? merge(undefined, drPolicy, port) : undefined;
  if (isRec(subsetPolicy)) out = merge(out, subsetPolicy, port);
  return out && Object.keys(out).length ? out : undefined;
}
