import { describe, expect, it } from 'vitest';
import { celErrors } from './cel-walk';

const port = {
  type: 'integer',
  'x-kubernetes-validations': [{ rule: '0 < self && self <= 65535', message: 'bad port' }],
};

describe('CEL walk', () => {
  it('reports a rule at its JSON pointer, through items, map values and escaped keys', () => {
    const schema = {
      properties: {
        plain: { properties: { a: { type: 'string' }, b: { type: 'integer' } } },
        ports: { items: { properties: { number: port } } },
        byName: { additionalProperties: port },
      },
    };
    const data = {
      plain: { a: 'x', b: 0 },
      ports: [{ number: 80 }, { number: 0 }],
      byName: { 'a/b~c': 70000, ok: 8080 },
    };
    expect(celErrors(schema, data).map((e) => [e.instancePath, e.message])).toEqual([
      ['/ports/1/number', 'bad port'],
      ['/byName/a~1b~0c', 'bad port'],
    ]);
  });

  it('follows $ref cycles to rules reached only through the cycle', () => {
    // B has no rules of its own and reaches them only back through A: a walk that settled B as "no rules"
    // while A was still being looked at would miss the bad port under /next/back.
    const schema = {
      $ref: '#/definitions/A',
      definitions: {
        A: { properties: { next: { $ref: '#/definitions/B' }, port } },
        B: { properties: { back: { $ref: '#/definitions/A' } } },
      },
    };
    const data = { port: 1, next: { back: { port: 0, next: { back: { port: 99999 } } } } };
    expect(celErrors(schema, data).map((e) => e.instancePath)).toEqual([
      '/next/back/port',
      '/next/back/next/back/port',
    ]);
    // Again, with what the first call learnt about the schema kept.
    expect(celErrors(schema, { next: { back: { port: -1 } } }).map((e) => e.instancePath)).toEqual([
      '/next/back/port',
    ]);
  });
});
