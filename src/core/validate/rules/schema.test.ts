import { describe, expect, it } from 'vitest';
import { schemaCheck } from './schema';
import { corpus, runRule } from './testing';

function check(text: string) {
  const { diags, snippet } = runRule(schemaCheck, text);
  return diags.map((d) => ({
    code: d.code,
    resource: d.resource,
    path: d.path,
    text: snippet(d),
    message: d.message,
  }));
}

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews}
`;

describe('schemaCheck (IST0106, ITS0106)', () => {
  it('reports an unknown field at its key, with the closest known name', () => {
    const found = check(VS.replace('  - route:', '  - rout:\n    - destination: {host: x}\n    route:'));
    expect(found).toEqual([
      {
        code: 'IST0106',
        resource: 'VirtualService default/reviews',
        path: 'spec/http[0]/rout',
        text: 'rout',
        message: 'Unknown field "rout" in spec/http[0]. Did you mean "route"?',
      },
    ]);
  });

  it('reports a wrong type at the value', () => {
    const found = check(VS.replace('hosts: [reviews]', 'hosts: reviews'));
    expect(found.map((f) => [f.code, f.path, f.text, f.message])).toEqual([
      ['IST0106', 'spec/hosts', 'reviews', 'spec/hosts must be a list, not string "reviews".'],
    ]);
  });

  it('lists the allowed values of an enum', () => {
    const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews}
spec:
  host: reviews
  trafficPolicy:
    loadBalancer: {simple: RANDOMLY}`;
    const [f] = check(dr);
    expect(f?.path).toBe('spec/trafficPolicy/loadBalancer/simple');
    expect(f?.text).toBe('RANDOMLY');
    expect(f?.message).toMatch(/allowed values: .*ROUND_ROBIN.*LEAST_REQUEST/);
  });

  it('reports a missing required field on its parent', () => {
    const found = check(VS.replace('    - destination: {host: reviews}', '    - destination: {subset: v1}'));
    expect(found.map((f) => [f.path, f.text, f.message])).toEqual([
      [
        'spec/http[0]/route[0]/destination',
        'destination',
        'spec/http[0]/route[0]/destination is missing required field "host". Add it.',
      ],
    ]);
  });

  it('reports fields that exclude each other (oneOf)', () => {
    const found = check(
      VS.replace('  - route:', '  - match:\n    - uri: {exact: /a, prefix: /b}\n    route:'),
    );
    expect(found.map((f) => [f.path, f.message])).toEqual([
      [
        'spec/http[0]/match[0]/uri',
        'spec/http[0]/match[0]/uri sets exact and prefix; set only one of: exact, prefix, regex.',
      ],
    ]);
  });

  it('applies the translated CEL rules (duration minimum, port range, wildcard host)', () => {
    const found = check(VS.replace('  - route:', '  - timeout: 0.5ms\n    route:'));
    expect(found.map((f) => [f.path, f.text])).toEqual([['spec/http[0]/timeout', '0.5ms']]);
    const invalid = corpus('istio/pkg/config/validation/testdata/crds/serviceentry-invalid.yaml');
    const messages = check(invalid).map((f) => `${f.resource} ${f.message}`);
    expect(messages).toContain(
      'ServiceEntry default/bad-port spec/ports[0]/number port must be between 1-65535.',
    );
    expect(messages).toContain(
      'ServiceEntry default/bad-host-wildcard spec/hosts[0] hostname cannot be wildcard.',
    );
  });

  it('uses ITS0106 for Kubernetes kinds: label values must be strings', () => {
    const found = check(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web, version: 2}
    spec:
      containers: [{name: web, image: nginx}]`);
    expect(found.map((f) => [f.code, f.path, f.text])).toEqual([
      ['ITS0106', 'spec/template/metadata/labels/version', '2'],
    ]);
  });

  it('takes a null field as not set, as the API server does, but still checks what is there', () => {
    const found = check(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        args:
        command: sh`);
    expect(found.map((f) => [f.code, f.path, f.text])).toEqual([
      ['ITS0106', 'spec/template/spec/containers[0]/command', 'sh'],
    ]);
  });

  it('accepts the Istio samples and CRD validation data marked valid', () => {
    const texts = [
      'istio/samples/bookinfo/platform/kube/bookinfo.yaml',
      'istio/samples/bookinfo/networking/destination-rule-all-mtls.yaml',
      'istio/samples/bookinfo/networking/virtual-service-reviews-jason-v2-v3.yaml',
      'istio/samples/bookinfo/networking/bookinfo-gateway.yaml',
      'istio/samples/bookinfo/networking/egress-rule-google-apis.yaml',
      'istio/pkg/config/validation/testdata/crds/destinationrule-valid.yaml',
      // `addresses: [1.2.3.4, 001:db8::]`: two strings to kubectl (go-yaml v2), not a string and a map.
      'istio/pkg/config/validation/testdata/crds/serviceentry-valid.yaml',
      // `args:` with nothing after it: null, which kubectl apply takes as "not set".
      'istio-analyzer-testdata/gateway-custom-ingressgateway.yaml',
    ];
    for (const t of texts) expect(check(corpus(t)), t).toEqual([]);
  });
});
