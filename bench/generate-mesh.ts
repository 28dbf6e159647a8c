// Synthetic meshes for benchmarks: deterministic (same count → same text), shaped like real config so every
// stage (hosts, subsets, label matching, weights) does real work. Pure: the e2e bench imports it too.

/** Resources per service: Service, 2–3 Deployments, DestinationRule, VirtualService. */
const FULL_GROUP = [5, 6] as const;
const NAMESPACES_PER_100 = 1;
const WEIGHTS: Record<number, number[][]> = {
  1: [[100]],
  2: [
    [90, 10],
    [80, 20],
    [50, 50],
  ],
  3: [
    [70, 20, 10],
    [34, 33, 33],
    [80, 10, 10],
  ],
};

function service(name: string, ns: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${name}
spec:
  ports:
  - port: 8080
    name: http
  selector:
    app: ${name}
`;
}

function deployment(name: string, ns: string, version: string, i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${version}
  namespace: ${ns}
  labels:
    app: ${name}
    version: ${version}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: ${name}
      version: ${version}
  template:
    metadata:
      labels:
        app: ${name}
        version: ${version}
    spec:
      containers:
      - name: ${name}
        image: registry.example.com/${name}:${version}.${i % 10} # pinned by CI
        ports:
        - containerPort: 8080
`;
}

function destinationRule(name: string, ns: string, versions: string[], i: number): string {
  const policy =
    i % 4 === 0
      ? `  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: ${50 + i}
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
`
      : '';
  const subsets = versions.map((v) => `  - name: ${v}\n    labels:\n      version: ${v}\n`).join('');
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  host: ${name}
${policy}  subsets:
${subsets}`;
}

function virtualService(name: string, ns: string, versions: string[], i: number): string {
  const weights = WEIGHTS[versions.length]?.[i % 3] ?? [100];
  const canary =
    i % 5 === 0
      ? `  - match:
    - headers:
        x-canary:
          exact: "true"
    route:
    - destination:
        host: ${name}
        subset: ${versions[versions.length - 1] ?? 'v1'}
`
      : '';
  const routes = versions
    .map(
      (v, k) =>
        `    - destination:\n        host: ${name}\n        subset: ${v}\n      weight: ${weights[k] ?? 0}\n`,
    )
    .join('');
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  hosts:
  - ${name}
  http:
${canary}  - route:
${routes}`;
}

/**
 * One service's resources, `size` of them (1–6): Service, then Deployments, then a DestinationRule with
 * a subset per version, then a weighted VirtualService. Small sizes drop the Istio config first.
 */
function serviceGroup(i: number, ns: string, size: number): string[] {
  const name = `svc-${i}`;
  const versionCount = size >= 5 ? size - 3 : Math.max(0, Math.min(size - 1, 2));
  const versions = Array.from({ length: versionCount }, (_, k) => `v${k + 1}`);
  const out = [service(name, ns), ...versions.map((v) => deployment(name, ns, v, i))];
  if (size >= 4) out.push(destinationRule(name, ns, versions, i));
  if (size >= 5) out.push(virtualService(name, ns, versions, i));
  return out.slice(0, size);
}

/**
 * A multi-document mesh with exactly `resourceCount` resources: services of 5 or 6 resources each
 * (alternating), the last one trimmed to fit, spread over one namespace per ~100 resources.
 */
export function generateMesh(resourceCount: number): string {
  const namespaces = Math.max(1, Math.round((resourceCount / 100) * NAMESPACES_PER_100));
  const docs: string[] = [];
  for (let i = 0; docs.length < resourceCount; i++) {
    const size = Math.min(FULL_GROUP[i % 2] ?? 5, resourceCount - docs.length);
    docs.push(...serviceGroup(i, `team-${i % namespaces}`, size));
  }
  return `# Synthetic mesh: ${resourceCount} resources.\n${docs.map((d) => `---\n${d}`).join('')}`;
}
