import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { matchFields, readMatch } from './match-form';
import { BOOKINFO, corpus, modelOf } from './test-support';

describe('match form', () => {
  it('reads the jason header match from bookinfo and writes it back the same', () => {
    const model = modelOf(
      parseText(corpus(`${BOOKINFO}/networking/virtual-service-reviews-jason-v2-v3.yaml`)),
    );
    const raw = model.virtualServices[0]?.routes[0]?.match[0];
    const form = readMatch(raw);
    expect(form).toEqual({ headers: { 'end-user': { kind: 'exact', value: 'jason' } } });
    const fields = matchFields(form);
    expect(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))).toEqual(raw);
  });

  it('round-trips uri, method and query parameters and ignores what it does not own', () => {
    const raw = {
      uri: { regex: '^/a' },
      method: { exact: 'POST' },
      queryParams: { q: { prefix: 'x' } },
      port: 80,
    };
    const form = readMatch(raw);
    expect(form.uri).toEqual({ kind: 'regex', value: '^/a' });
    expect(matchFields(form)).toEqual({
      uri: { regex: '^/a' },
      method: { exact: 'POST' },
      headers: undefined,
      queryParams: { q: { prefix: 'x' } },
    });
  });
});
