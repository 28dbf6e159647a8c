import { describe, expect, it } from 'vitest';
import { parseText } from '../yaml/parse';
import { appendManifests } from './append-docs';
import { applyEdits } from './session';
import { BOOKINFO, corpus } from './test-support';

// Istio's samples: 4 DestinationRules and 4 VirtualServices, each file ending in a bare `---`; 1 DestinationRule.
const DR_ALL = corpus(`${BOOKINFO}/networking/destination-rule-all.yaml`);
const VS_ALL = corpus(`${BOOKINFO}/networking/virtual-service-all-v1.yaml`);
const DR_REVIEWS = corpus(`${BOOKINFO}/networking/destination-rule-reviews.yaml`);

/** The resources of a text, as values, in order; empty documents left out. */
const values = (text: string) =>
  parseText(text)
    .docs.filter((d) => d.value !== undefined && d.value !== null)
    .map((d) => d.value);

function append(text: string, addition: string): string {
  const edit = appendManifests(text, addition);
  if (!edit) throw new Error('no edit');
  expect(edit.start).toBe(text.length);
  return applyEdits(text, [edit]);
}

describe('appendManifests (Import → Append)', () => {
  it('adds the documents after the text, which stays byte for byte', () => {
    const out = append(DR_REVIEWS, VS_ALL);
    expect(out).toBe(`${DR_REVIEWS}---\n${VS_ALL}`);
    expect(values(out)).toEqual([...values(DR_REVIEWS), ...values(VS_ALL)]);
  });

  it('does not add a second `---` after a text that ends in one (no empty document)', () => {
    expect(VS_ALL.endsWith('\n---\n')).toBe(true);
    const out = append(VS_ALL, DR_ALL);
    expect(out).toBe(VS_ALL + DR_ALL);
    // VS_ALL's trailing empty document is now DR_ALL's first one.
    expect(parseText(out).docs).toHaveLength(
      parseText(VS_ALL).docs.length + parseText(DR_ALL).docs.length - 1,
    );
    expect(values(out)).toEqual([...values(VS_ALL), ...values(DR_ALL)]);
  });

  it('ends a last line without a line break before the separator', () => {
    const text = DR_REVIEWS.trimEnd();
    const out = append(text, DR_ALL);
    expect(out).toBe(`${text}\n---\n${DR_ALL}`);
    expect(values(out)).toEqual([...values(DR_REVIEWS), ...values(DR_ALL)]);
  });

  it('keeps a CRLF text CRLF, the appended lines too', () => {
    const text = DR_REVIEWS.replace(/\n/g, '\r\n');
    const out = append(text.trimEnd(), VS_ALL);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(out).toBe(`${text}---\r\n${VS_ALL.replace(/\n/g, '\r\n')}`);
    expect(values(out)).toEqual([...values(DR_REVIEWS), ...values(VS_ALL)]);
  });

  it('writes an LF text LF when the addition is CRLF', () => {
    const out = append(DR_REVIEWS, VS_ALL.replace(/\n/g, '\r\n'));
    expect(out).toBe(`${DR_REVIEWS}---\n${VS_ALL}`);
  });

  it('drops the addition’s own leading `---` and BOM, and ends it with a line break', () => {
    const out = append(DR_REVIEWS, `\uFEFF---\n${DR_REVIEWS.trimEnd()}`);
    expect(out).toBe(`${DR_REVIEWS}---\n${DR_REVIEWS}`);
    expect(parseText(out).docs).toHaveLength(2);
  });

  it('keeps an addition that starts with comments, and a blank text gets no separator', () => {
    const addition = `# from the cluster\n${DR_REVIEWS}`;
    expect(append('', addition)).toBe(addition);
    expect(append('\n\n', addition)).toBe(`\n\n${addition}`);
    expect(append(DR_REVIEWS, addition)).toBe(`${DR_REVIEWS}---\n${addition}`);
  });

  it('appends nothing for an addition with nothing in it', () => {
    expect(appendManifests(DR_ALL, '')).toBeUndefined();
    expect(appendManifests(DR_ALL, '---\n')).toBeUndefined();
    expect(appendManifests(DR_ALL, '\n  \n')).toBeUndefined();
  });
});
