import { describe, expect, it } from 'vitest';
import { derive } from '../src/core/derive';
import { combine, locate } from './combine';

const vs = (name: string, subset: string) =>
  `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
spec:
  hosts: [${name}]
  http:
  - route:
    - destination:
        host: ${name}
        subset: ${subset}
`;

describe('combine and locate', () => {
  it('maps an offset in the joined text back to its own file, line and column', () => {
    const c = combine([
      { name: 'a.yaml', text: 'x: 1\ny: 2' },
      { name: 'b.yaml', text: '# b\nkind: Service\n' },
    ]);
    expect(c.text).toBe('x: 1\ny: 2\n---\n# b\nkind: Service\n');
    expect(locate(c, c.text.indexOf('y: 2'))).toEqual({ file: 'a.yaml', line: 2, column: 1 });
    expect(locate(c, c.text.indexOf('Service'))).toEqual({ file: 'b.yaml', line: 2, column: 7 });
  });

  // The `host: reviews` value of each route (no Service in the text): line 10, column 15, one line lower in two.yaml.
  it('keeps documents of two files apart and finds each finding in its file', () => {
    const c = combine([
      { name: 'one.yaml', text: vs('reviews', 'v9') },
      { name: 'two.yaml', text: `# leading comment\n${vs('ratings', 'v8')}` },
    ]);
    const found = derive(c.text)
      .diagnostics.filter((d) => d.code === 'IST0101')
      .map((d) => ({ code: d.code, resource: d.resource, ...locate(c, d.range[0]) }));
    expect(found).toEqual([
      { code: 'IST0101', resource: 'VirtualService default/reviews', file: 'one.yaml', line: 10, column: 15 },
      { code: 'IST0101', resource: 'VirtualService default/ratings', file: 'two.yaml', line: 11, column: 15 },
    ]);
  });

  it('ends the document before a file that starts with a directive', () => {
    const c = combine([
      { name: 'a.yaml', text: 'a: 1\n' },
      { name: 'b.yaml', text: '%YAML 1.2\n---\nb: 2\n' },
    ]);
    expect(c.text).toBe('a: 1\n...\n%YAML 1.2\n---\nb: 2\n');
    expect(derive(c.text).parseErrors).toEqual([]);
  });

  it('counts CRLF lines and UTF-16 columns', () => {
    const c = combine([{ name: 'w.yaml', text: 'a: 1\r\nb: "ü😀x"\r\n' }]);
    expect(locate(c, c.text.indexOf('x'))).toEqual({ file: 'w.yaml', line: 2, column: 8 });
  });
});
