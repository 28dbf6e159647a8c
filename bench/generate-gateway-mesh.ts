// A synthetic mesh as real ones are: behind one ingress Gateway in istio-system that many VirtualServices bind,
// with ServiceEntries for partner APIs and hosts written both short and as FQDNs. generate-mesh.ts has none of
// these, and each used to send every keystroke to a full derivation (issue 19), so the keystroke bench runs both.
// Deterministic and pure (the e2e bench may import it).

const ROOT = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "*/*.example.com"
`;

const INGRESS = [
  `apiVersion: v1
kind: Service
metadata:
  name: istio-ingressgateway
  namespace: istio-system
spec:
  type: LoadBalancer
  selector:
    istio: ingressgateway
  ports:
  - port: 80
    name: http2
    targetPort: 8080
`,
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istio-ingressgateway
  namespace: istio-system
spec:
  selector:
    matchLabels:
      istio: ingressgateway
  template:
    metadata:
      labels:
        istio: ingressgateway
        app: istio-ingressgateway
    spec:
      containers:
      - name: istio-proxy
        image: docker.io/istio/proxyv2:1.22.0
`,
];

const fqdn = (name: string, ns: string) => `${name}.${ns}.svc.cluster.local`;

function service(name: string, ns: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  ports:
  - port: 8080
    name: http
  selector:
    app: ${name}
`;
}

function deployment(name: string, ns: string, version: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${version}
  namespace: ${ns}
spec:
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
        image: registry.example.com/${name}:${version}
`;
}

function destinationRule(name: string, ns: string, host: string): string {
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  host: ${host}
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;
}

/** Every other service is published through the ingress Gateway under `<name>.example.com`. */
function virtualService(name: string, ns: string, i: number): string {
  const published = i % 2 === 0;
  const host = i % 4 < 2 ? name : fqdn(name, ns);
  const head = published
    ? `  hosts:\n  - ${name}.example.com\n  gateways:\n  - istio-system/public\n`
    : `  hosts:\n  - ${host}\n`;
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${head}  http:
  - route:
    - destination:
        host: ${host}
        subset: v1
      weight: ${90 - (i % 5) * 10}
    - destination:
        host: ${host}
        subset: v2
      weight: ${10 + (i % 5) * 10}
`;
}

/** A partner API outside the mesh, and the TLS origination its callers' namespace configures for it. */
function serviceEntry(i: number, ns: string): string[] {
  const host = `api-${i}.partner.example`;
  return [
    `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: partner-${i}
  namespace: ${ns}
spec:
  hosts:
  - ${host}
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
  - number: 443
    name: tls
    protocol: TLS
`,
    `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner-${i}
  namespace: ${ns}
spec:
  host: ${host}
  trafficPolicy:
    tls:
      mode: SIMPLE
`,
  ];
}

/** One service: Service, Deployments v1 and v2, DestinationRule, VirtualService; every tenth a partner API too. */
function group(i: number, ns: string): string[] {
  const name = `svc-${i}`;
  const out = [
    service(name, ns),
    deployment(name, ns, 'v1'),
    deployment(name, ns, 'v2'),
    destinationRule(name, ns, i % 4 < 2 ? name : fqdn(name, ns)),
    virtualService(name, ns, i),
  ];
  if (i % 10 === 5) out.push(...serviceEntry(i, ns));
  return out;
}

/**
 * Exactly `resourceCount` resources: the Gateway and ingress pods in istio-system first, then services (5 or 7
 * resources each, the last trimmed to fit) spread over one namespace per ~100 resources.
 */
export function generateGatewayMesh(resourceCount: number): string {
  const namespaces = Math.max(1, Math.round(resourceCount / 100));
  const docs: string[] = [ROOT, ...INGRESS].slice(0, resourceCount);
  for (let i = 0; docs.length < resourceCount; i++) {
    docs.push(...group(i, `team-${i % namespaces}`).slice(0, resourceCount - docs.length));
  }
  return `# Synthetic mesh behind an ingress Gateway: ${resourceCount} resources.\n${docs.map((d) => `---\n${d}`).join('')}`;
}
