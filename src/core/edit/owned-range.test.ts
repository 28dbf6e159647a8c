import { describe, expect, it } from 'vitest';
import { apply, BOOKINFO, corpus } from './test-support';

// Deleting a resource removes its own lines and the comments that describe it, never comments that belong
// to no resource (a commented-out document, a section note set apart by a blank line, a licence header).
const EXTERNAL = corpus('istio/tests/testdata/config/external_services.yaml');

describe('deleteResource and comments', () => {
  it('keeps the 25-line commented-out ServiceEntry after the last document', () => {
    const a = apply(EXTERNAL, { type: 'deleteResource', ref: 'ServiceEntry testns/external-svc-ep' });
    const tail = EXTERNAL.slice(EXTERNAL.indexOf('#\n#---\n#\n#apiVersion'));
    expect(tail.split('\n').length - 1).toBe(25);
    expect(a.text.endsWith(`   resolution: NONE\n\n${tail}`)).toBe(true);
    expect(a.text).not.toContain('external-svc-ep');
  });

  it('keeps column-0 comments after a rule (they may be notes on the file), removing the rule and its marker', () => {
    const a = apply(EXTERNAL, { type: 'deleteResource', ref: 'DestinationRule testns/external-service-1' });
    const start = EXTERNAL.indexOf('---\n\napiVersion: networking.istio.io/v1\nkind: DestinationRule');
    const end = EXTERNAL.indexOf('# BUG: crash envoy');
    expect(a.text).toBe(EXTERNAL.slice(0, start) + EXTERNAL.slice(end));
  });

  it('takes the comment block directly above a resource, leaves the licence and the file notes', () => {
    const text = corpus(`${BOOKINFO}/platform/kube/bookinfo.yaml`);
    const a = apply(text, { type: 'deleteResource', ref: 'Service default/details' });
    const banner = '#'.repeat(98);
    const own = `${banner}\n# Details service\n${banner}\napiVersion: v1\nkind: Service`;
    const start = text.indexOf(own);
    const next = text.indexOf('---\n', start);
    expect(a.text).toBe(text.slice(0, start) + text.slice(next));
    expect(a.text).toContain('# This file defines the services');
  });

  it('takes indented commented-out fields below the content, keeps a note set apart by a blank line', () => {
    const text = [
      'a: 1\n',
      '---\n# about b\nkind: Service\nmetadata:\n  name: b\nspec:\n  x: 1\n  # y: 2\n\n# about the file\n',
      '---\nkind: Service\nmetadata:\n  name: c\n',
    ].join('');
    const a = apply(text, { type: 'deleteResource', ref: 'Service default/b' });
    expect(a.text).toBe('a: 1\n\n# about the file\n---\nkind: Service\nmetadata:\n  name: c\n');
  });
});
