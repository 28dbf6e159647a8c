// fast-check generators for Istio-like manifests: right shapes with wrong, odd or hostile values mixed in.
import fc from 'fast-check';
import { stringify } from 'yaml';

export const hostile = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '__proto__',
  'constructor',
  '{{ .Values.name }}',
  '*.example.com',
  '*',
  'reviews.default.svc.cluster.local',
  '',
  '🚀',
  'a: b',
  '- x',
  '#',
  '---',
  '&a',
  '*a',
);

const word = fc.constantFrom(
  'reviews',
  'ratings',
  'details',
  'v1',
  'v2',
  'v3',
  'app',
  'version',
  'mesh',
  'bookinfo',
);
export const name = fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: hostile }, fc.string());
/** Sometimes the right type, sometimes not. */
const scalar = fc.oneof(
  name,
  fc.integer({ min: -5, max: 200 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const labels = fc.dictionary(name, fc.oneof({ weight: 4, arbitrary: name }, scalar), { maxKeys: 3 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const destination = fc.record(
  {
    destination: fc.record({ host: name, subset: maybe(name), port: maybe(fc.record({ number: scalar })) }),
    weight: maybe(fc.oneof(fc.integer({ min: 0, max: 100 }), scalar)),
  },
  { requiredKeys: ['destination'] },
);
const match = fc.record({
  uri: maybe(fc.record({ prefix: maybe(name), exact: maybe(name), regex: maybe(name) })),
  headers: maybe(fc.dictionary(name, fc.record({ exact: maybe(name), prefix: maybe(name) }), { maxKeys: 2 })),
});
const http = fc.record({
  name: maybe(name),
  match: maybe(fc.array(match, { maxLength: 2 })),
  route: fc.oneof(fc.array(destination, { maxLength: 4 }), scalar),
  mirror: maybe(fc.record({ host: name, subset: maybe(name) })),
});

const spec = {
  VirtualService: fc.record({
    hosts: fc.oneof(fc.array(name, { maxLength: 3 }), scalar),
    gateways: maybe(fc.array(name, { maxLength: 2 })),
    http: maybe(fc.oneof(fc.array(http, { maxLength: 3 }), scalar)),
    tcp: maybe(fc.array(fc.record({ route: fc.array(destination, { maxLength: 2 }) }), { maxLength: 1 })),
  }),
  DestinationRule: fc.record({
    host: fc.oneof(name, scalar),
    subsets: maybe(fc.array(fc.record({ name, labels: maybe(labels) }), { maxLength: 4 })),
    trafficPolicy: maybe(fc.record({ loadBalancer: maybe(fc.record({ simple: name })) })),
  }),
  Gateway: fc.record({
    selector: maybe(labels),
    servers: maybe(
      fc.array(fc.record({ port: fc.record({ number: scalar, protocol: name }), hosts: fc.array(name) }), {
        maxLength: 2,
      }),
    ),
  }),
  ServiceEntry: fc.record({ hosts: fc.array(name, { maxLength: 2 }), location: maybe(name) }),
  Service: fc.record({
    selector: maybe(labels),
    ports: maybe(fc.array(fc.record({ port: scalar, name: maybe(name) }), { maxLength: 2 })),
  }),
  Deployment: fc.record({
    replicas: maybe(scalar),
    template: fc.record({ metadata: fc.record({ labels }) }),
  }),
  Widget: fc.anything({ maxDepth: 2 }),
};
type Kind = keyof typeof spec;
const kinds = Object.keys(spec) as Kind[];
const apiVersions = fc.constantFrom(
  'networking.istio.io/v1',
  'networking.istio.io/v1beta1',
  'v1',
  'apps/v1',
  'x/v9',
  '',
);

/** One resource as a plain object. */
export const resource = fc.constantFrom(...kinds).chain((kind) =>
  fc.record({
    apiVersion: apiVersions,
    kind: fc.oneof({ weight: 9, arbitrary: fc.constant<string>(kind) }, hostile),
    metadata: fc.record(
      { name, namespace: maybe(fc.constantFrom('default', 'prod', '__proto__')), labels: maybe(labels) },
      { requiredKeys: ['name'] },
    ),
    spec: spec[kind],
  }),
);

/** A document as text: YAML, flow YAML or JSON, a `kind: List`, or an odd document. */
const docText = fc.oneof(
  { weight: 6, arbitrary: resource.map((r) => stringify(r)) },
  { weight: 1, arbitrary: resource.map((r) => stringify(r, { collectionStyle: 'flow' })) },
  { weight: 1, arbitrary: resource.map((r) => JSON.stringify(r, null, 1)) },
  {
    weight: 1,
    arbitrary: fc
      .array(resource, { maxLength: 3 })
      .map((items) => stringify({ apiVersion: 'v1', kind: 'List', items })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '# only a comment\n',
      'just a string\n',
      '[1, 2]\n',
      'a: [\n',
      'x: *nope\n',
    ),
  },
);

/** A multi-document text; sometimes with a few characters spliced in or cut out, which usually breaks it. */
export const manifests = fc
  .tuple(
    fc.array(docText, { minLength: 1, maxLength: 5 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 6 }),
        fc.constantFrom('', ':', '[', '{', '- ', '\t', '"', '\n', '  ', '&x ', '*x', '{{'),
      ),
      {
        maxLength: 2,
      },
    ),
    fc.boolean(),
  )
  .map(([docs, cuts, crlf]) => {
    let text = docs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
    for (const [at, len, ins] of cuts) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + ins + text.slice(i + len);
    }
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
