import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { fixture } from './fixtures.test-helper';
import { compare } from './index';

const BOOK = [fixture('bookinfo.yaml'), fixture('destination-rule-all.yaml')];
const text = (...docs: string[]): ReturnType<typeof derive> => derive([...BOOK, ...docs].join('\n---\n'));
const JASON = fixture('virtual-service-reviews-jason-v2-v3.yaml');

describe('meanings from the Envoy view and DestinationRule policies', () => {
  it('a broader prefix inserted first makes a later rule unreachable, and removing it makes it reachable', () => {
    const api = JASON.replace(
      '    - headers:\n        end-user:\n          exact: jason',
      '    - uri:\n        prefix: /api/v1',
    );
    const head = api.replace(
      '  http:\n',
      '  http:\n  - match:\n    - uri:\n        prefix: /api\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n',
    );
    expect(head).toContain('prefix: /api\n');
    const c = compare(text(api), text(head));
    expect(c.meanings.filter((m) => m.kind === 'unreachable').map((m) => m.text)).toEqual([
      'VirtualService default/reviews rule http[1] can never be reached: an earlier route (#0 of the host) always takes its requests first',
    ]);
    const back = compare(text(head), text(api));
    expect(back.meanings.filter((m) => m.kind === 'reachable').map((m) => m.resource)).toEqual([
      'VirtualService default/reviews',
    ]);
  });

  it('an older VirtualService for the same host takes it: the other loses it', () => {
    const older = JASON.replace(
      'name: reviews',
      'name: reviews-old\n  creationTimestamp: "2020-01-01T00:00:00Z"',
    );
    const newer = fixture('virtual-service-reviews-v3.yaml').replace(
      'name: reviews',
      'name: reviews\n  creationTimestamp: "2024-01-01T00:00:00Z"',
    );
    const c = compare(text(newer), text(newer, older));
    const lost = c.meanings.filter((m) => m.kind === 'host-lost');
    expect(lost.map((m) => m.resource)).toEqual(['VirtualService default/reviews']);
    expect(lost[0]?.text).toContain('default/reviews-old holds the host');
  });

  it('an outlierDetection change on a subset that receives traffic is a policy meaning; on an idle one it is not', () => {
    const policy = '\n    trafficPolicy:\n      outlierDetection:\n        consecutive5xxErrors: 7';
    const dr = fixture('destination-rule-all.yaml');
    const busy = dr.replace(
      '  - name: v2\n    labels:\n      version: v2',
      `  - name: v2\n    labels:\n      version: v2${policy}`,
    );
    expect(busy).not.toBe(dr);
    const vs = fixture('virtual-service-reviews-80-20.yaml');
    const base = derive([fixture('bookinfo.yaml'), dr, vs].join('\n---\n'));
    const c = compare(base, derive([fixture('bookinfo.yaml'), busy, vs].join('\n---\n')));
    expect(c.meanings.filter((m) => m.kind === 'policy').map((m) => m.text)).toEqual([
      'reviews v2: outlierDetection unset → {"consecutive5xxErrors":7} (the subset receives traffic)',
    ]);
    const idleVs = fixture('virtual-service-reviews-v3.yaml');
    const idle = compare(
      derive([fixture('bookinfo.yaml'), dr, idleVs].join('\n---\n')),
      derive([fixture('bookinfo.yaml'), busy, idleVs].join('\n---\n')),
    );
    expect(idle.meanings.filter((m) => m.kind === 'policy')).toEqual([]);
  });
});
