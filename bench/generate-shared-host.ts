// Worst cases for rules that group resources by host or labels: many resources on one host, one namespace, one
// label set. Deterministic and pure, like generate-mesh.ts; the unit tests at scale use it too.

/** The shapes: what the many resources share. */
export const SHARED_HOST_SHAPES = [
  'vs-one-host',
  'dr-one-host',
  'vs-to-subsets',
  'services-one-selector',
] as const;

export type SharedHostShape = (typeof SHARED_HOST_SHAPES)[number];

/** What each shape is, for the benchmark table. */
export const SHAPE_TITLES: Record<SharedHostShape, string> = {
  'vs-one-host': 'VirtualServices all with `hosts: [reviews]`',
  'dr-one-host': 'DestinationRules all for host reviews (subsets v1, v2)',
  'vs-to-subsets': 'VirtualServices routing to subsets of one DestinationRule (1 in 10 to a missing subset)',
  'services-one-selector': 'Services all selecting `app: reviews`',
};

const service = (name: string, app = 'reviews') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${app}
  ports:
  - port: 9080
    name: http
`;

const deployment = (version: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-${version}
spec:
  selector:
    matchLabels: {app: reviews, version: ${version}}
  template:
    metadata:
      labels: {app: reviews, version: ${version}}
    spec:
      containers:
      - name: reviews
        image: reviews:${version}
`;

const destinationRule = (name: string, versions: readonly string[]) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
spec:
  host: reviews
  subsets:
${versions.map((v) => `  - name: ${v}\n    labels:\n      version: ${v}\n`).join('')}`;

const virtualService = (name: string, host: string, subsets: readonly string[]) => {
  const weight = Math.floor(100 / Math.max(1, subsets.length));
  const routes = subsets.length
    ? subsets
        .map(
          (s, k) =>
            `    - destination:\n        host: reviews\n        subset: ${s}\n      weight: ${k === 0 ? 100 - weight * (subsets.length - 1) : weight}\n`,
        )
        .join('')
    : '    - destination:\n        host: reviews\n';
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
spec:
  hosts:
  - ${host}
  http:
  - route:
${routes}`;
};

/** The fixed head of each shape; the rest of the count is the shared resource. */
function head(shape: SharedHostShape): string[] {
  const versions = ['v1', 'v2', 'v3'];
  switch (shape) {
    case 'vs-one-host':
      return [service('reviews')];
    case 'dr-one-host':
      return [service('reviews'), deployment('v1')];
    case 'vs-to-subsets':
      return [service('reviews'), ...versions.map(deployment), destinationRule('reviews', versions)];
    case 'services-one-selector':
      return versions.map(deployment);
  }
}

function repeated(shape: SharedHostShape, i: number): string {
  switch (shape) {
    case 'vs-one-host':
      return virtualService(`reviews-${i}`, 'reviews', []);
    case 'dr-one-host':
      return destinationRule(`reviews-${i}`, ['v1', 'v2']);
    case 'vs-to-subsets':
      return virtualService(`front-${i}`, `front-${i}`, i % 10 === 9 ? ['v4'] : ['v1', 'v2']);
    case 'services-one-selector':
      return service(`reviews-${i}`);
  }
}

/**
 * A text of exactly `resourceCount` resources (at least the shape's few fixed ones) in namespace default, most of
 * them sharing one host or one selector.
 */
export function generateSharedHost(shape: SharedHostShape, resourceCount: number): string {
  const docs = head(shape).slice(0, resourceCount);
  for (let i = 0; docs.length < resourceCount; i++) docs.push(repeated(shape, i));
  return `# Shared host (${shape}): ${resourceCount} resources.\n${docs.map((d) => `---\n${d}`).join('')}`;
}
