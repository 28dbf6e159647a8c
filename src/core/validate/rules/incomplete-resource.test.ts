import { describe, expect, it } from 'vitest';
import { derive } from '../../derive';
import { guessKind, incompleteResource } from './incomplete-resource';
import { corpus, runRule, summary } from './testing';

const vsBody = `spec:
  hosts: [reviews]
  http:
    - route:
        - destination: { host: reviews }
`;

describe('ITS0110 incomplete resource', () => {
  it('accepts complete documents, empty documents and comment-only documents', () => {
    const text = `${corpus('istio/samples/bookinfo/networking/virtual-service-all-v1.yaml')}---
# a comment and nothing else
---
---
`;
    expect(summary(incompleteResource, text)).toEqual([]);
  });

  it('reports a missing kind on the first line, guessing the kind from the spec', () => {
    const text = `apiVersion: networking.istio.io/v1beta1\nmetadata:\n  name: reviews\n${vsBody}`;
    const { diags, snippet } = runRule(incompleteResource, text);
    expect(diags.map((d) => [d.code, d.severity, d.path, snippet(d)])).toEqual([
      ['ITS0110', 'error', 'kind', 'apiVersion: networking.istio.io/v1beta1'],
    ]);
    expect(diags[0]?.message).toContain('This document has no `kind`: kubectl apply rejects it');
    expect(diags[0]?.message).toContain('add `kind: VirtualService`');
    expect(diags[0]?.resource).toBeUndefined();
  });

  it('reports a missing apiVersion, suggesting the Istio version the text already uses', () => {
    const text = `apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: { name: reviews }
spec: { host: reviews }
---
# routing
kind: VirtualService
metadata:
  name: reviews
${vsBody}`;
    const { diags, snippet } = runRule(incompleteResource, text);
    expect(diags.map((d) => [d.path, d.resource, snippet(d)])).toEqual([
      ['apiVersion', 'VirtualService default/reviews', 'kind: VirtualService'],
    ]);
    expect(diags[0]?.message).toBe(
      'This VirtualService has no `apiVersion`: kubectl apply rejects it and it is not drawn; add `apiVersion: networking.istio.io/v1alpha3`.',
    );
  });

  it('reports a missing metadata.name at the metadata key, and draws no nameless node', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  labels: { app: a }\nspec:\n  ports: [{ port: 80 }]\n`;
    const { diags, snippet } = runRule(incompleteResource, text);
    expect(diags.map((d) => [d.path, snippet(d)])).toEqual([['metadata/name', 'metadata']]);
    expect(diags[0]?.message).toContain('This Service has no `metadata.name`');
    const d = derive(text);
    expect(d.graph.nodes).toEqual([]);
    expect(d.model.services).toEqual([]);
    // Kept in the model (export keeps it), and said once: the schema check leaves the name to ITS0110.
    expect(d.model.others.map((o) => o.missing)).toEqual([['metadata.name']]);
    expect(
      d.diagnostics.filter((x) => x.path === 'metadata' || x.path === 'metadata/name').map((x) => x.code),
    ).toEqual(['ITS0110']);
  });

  it('reports a document with no metadata at all on its first line', () => {
    const text = `apiVersion: networking.istio.io/v1\nkind: VirtualService\n${vsBody}`;
    const { diags, snippet } = runRule(incompleteResource, text);
    expect(diags.map((d) => [d.path, snippet(d)])).toEqual([
      ['metadata/name', 'apiVersion: networking.istio.io/v1'],
    ]);
  });

  it('explains metadata.generateName: fine for create, rejected by apply', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  generateName: web-\nspec:\n  ports: [{ port: 80 }]\n`;
    const { diags, snippet } = runRule(incompleteResource, text);
    expect(diags.map((d) => [d.path, snippet(d)])).toEqual([['metadata/name', 'generateName']]);
    expect(diags[0]?.message).toContain(
      '`kubectl create` would make a name up, but `kubectl apply` rejects it',
    );
    expect(diags[0]?.message).toContain('set `name: web`');
  });

  it('reports each missing field of one document', () => {
    const { diags } = runRule(incompleteResource, `metadata: {}\nspec:\n  servers: []\n`);
    expect(diags.map((d) => d.path)).toEqual(['apiVersion', 'kind', 'metadata/name']);
    expect(diags[1]?.message).toContain('add `kind: Gateway`');
  });

  it('reports a List item at the item, not the List', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: a }
  - apiVersion: v1
    metadata: { name: b }
    spec: { ports: [{ port: 80 }], selector: { app: b } }
`;
    const { diags, snippet } = runRule(incompleteResource, text);
    expect(diags.map((d) => [d.path, snippet(d)])).toEqual([['kind', 'apiVersion: v1']]);
    expect(diags[0]?.range[0]).toBe(text.indexOf('apiVersion: v1\n    metadata: { name: b }'));
    expect(diags[0]?.message).toContain('This List item has no `kind`');
    expect(diags[0]?.message).toContain('add `kind: Service`');
  });

  it('leaves a document that does not parse to the syntax error', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: [a\n`;
    expect(summary(incompleteResource, text)).toEqual([]);
  });

  it('guesses kinds only from fields that kind alone has', () => {
    expect(guessKind({ spec: { host: 'a' } })).toBe('DestinationRule');
    expect(guessKind({ spec: { hosts: ['a'], resolution: 'DNS' } })).toBe('ServiceEntry');
    expect(guessKind({ spec: { template: {}, selector: {} } })).toBe('Deployment');
    expect(guessKind({ spec: { hosts: ['a'] } })).toBeUndefined();
    expect(guessKind({})).toBeUndefined();
  });
});
