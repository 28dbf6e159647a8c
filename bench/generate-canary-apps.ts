// The paste from the trust issue: N apps, each a Service, two Deployments with flow-style labels
// (`{app: svcN, version: v1}`), a DestinationRule with two subsets and a VirtualService 90/10 — five resources an
// app (200 apps: 1,000 resources, about 240 KB). Pure: the e2e bench imports it too.
function app(i: number): string {
  const name = `svc${i}`;
  const deployment = (v: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${v}
  labels: {app: ${name}, version: ${v}}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}, version: ${v}}
  template:
    metadata:
      labels: {app: ${name}, version: ${v}}
    spec:
      containers:
      - name: app
        image: example/${name}:${v}
`;
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - name: http
    port: 8080
---
${deployment('v1')}---
${deployment('v2')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
spec:
  host: ${name}
  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2
    labels: {version: v2}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
spec:
  hosts: [${name}]
  http:
  - route:
    - destination: {host: ${name}, subset: v1}
      weight: 90
    - destination: {host: ${name}, subset: v2}
      weight: 10
`;
}

/** `apps` canary apps (five resources each) as one multi-document text. */
export function generateCanaryApps(apps: number): string {
  return Array.from({ length: apps }, (_, i) => app(i)).join('---\n');
}
