import { describe, expect, it } from 'vitest';
import { derive } from '../../core/derive';
import { dropIntent } from './canvas-intents';

const svc = (name: string, ns?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  selector: { app: ${name} }\n`;
const vs = (ns: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n  namespace: ${ns}\nspec:\n  hosts: [web]\n  http: [{ route: [{ destination: { host: web } }] }]\n`;

function namespaceOfDrop(text: string, options = {}) {
  const d = derive(text, options);
  const near = d.graph.nodes.find((n) => n.kind === 'service');
  const intent = dropIntent(d, 'service', near);
  return intent && 'namespace' in intent ? intent.namespace : 'no intent';
}

describe('dropIntent: the namespace of a new resource', () => {
  it('does not write the inferred namespace beside resources that name none', () => {
    expect(namespaceOfDrop(`${svc('web')}---\n${vs('travel')}`)).toBeUndefined();
  });

  it('does not write the namespace set for resources without one', () => {
    expect(namespaceOfDrop(svc('web'), { defaultNamespace: 'shop' })).toBeUndefined();
  });

  it('writes it where every resource names it, or where it differs from the one resources without one get', () => {
    expect(namespaceOfDrop(`${svc('web', 'travel')}---\n${vs('travel')}`)).toBe('travel');
    expect(namespaceOfDrop(`${svc('web', 'travel')}---\n${svc('api')}`, { defaultNamespace: 'shop' })).toBe(
      'travel',
    );
  });
});
