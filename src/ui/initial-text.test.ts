import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shareFragment } from '../core/export/share';
import { addressWithoutLink, decideOpening } from './initial-text';

// The examples as they ship (read from disk, not through the module under test).
const blueGreen = readFileSync('src/examples/blue-green.yaml', 'utf8');
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
// Work a person wrote: a real sample, edited.
const mine = readFileSync(
  'test/fixtures/corpus/istio/samples/bookinfo/networking/virtual-service-reviews-90-10.yaml',
  'utf8',
).replace('weight: 90', 'weight: 80');
const positions = { 'service:default/reviews': { x: 10, y: 20 } };
const none = { search: '', hash: '' };
const example = (slug: string) => ({ search: `?example=${slug}`, hash: '' });
const share = (text: string) => ({ search: '', hash: shareFragment(text) });

describe('opening without a link', () => {
  it('opens the saved text with its positions, else the default example', () => {
    expect(decideOpening(none, mine, positions)).toEqual({ text: mine, positions });
    expect(decideOpening(none, undefined, positions)).toEqual({ text: canary, positions: {} });
  });
});

describe('an example link', () => {
  it('opens at once on a clean storage, a blank text or an unchanged built-in example', () => {
    for (const saved of [undefined, '', ' \n', canary]) {
      const o = decideOpening(example('blue-green'), saved, positions);
      expect(o).toEqual({ text: blueGreen, positions: {} });
    }
  });

  it('keeps saved work open and offers the example instead of replacing it', () => {
    const o = decideOpening(example('blue-green'), mine, positions);
    expect(o.text).toBe(mine);
    expect(o.positions).toBe(positions);
    expect(o.offer).toEqual({ source: 'example', label: 'the example "Blue/green switch"', text: blueGreen });
  });

  it('an edited example is work too (one character differs)', () => {
    const edited = canary.replace('weight: 90', 'weight: 91');
    expect(decideOpening(example('blue-green'), edited, positions).offer?.text).toBe(blueGreen);
  });

  it('asks nothing when the saved text already is the example', () => {
    expect(decideOpening(example('blue-green'), blueGreen, positions)).toEqual({
      text: blueGreen,
      positions,
    });
  });

  it('an unknown example says so and opens the saved text', () => {
    const o = decideOpening(example('nope'), mine, positions);
    expect(o).toMatchObject({
      text: mine,
      positions,
      problem: 'There is no example "nope"; see Examples for the list.',
    });
    expect(o.offer).toBeUndefined();
  });
});

describe('a share link', () => {
  const shared = 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: é-ü\r\n';

  it('opens the shared text byte for byte when nothing would be lost', () => {
    expect(decideOpening(share(shared), undefined, positions)).toEqual({ text: shared, positions: {} });
    expect(decideOpening(share(shared), canary, positions)).toEqual({ text: shared, positions: {} });
  });

  it('offers it over saved work', () => {
    const o = decideOpening(share(shared), mine, positions);
    expect(o).toMatchObject({ text: mine, positions, offer: { source: 'share', text: shared } });
  });

  it('wins over an example parameter in the same address', () => {
    const o = decideOpening({ search: '?example=blue-green', hash: shareFragment(shared) }, undefined, {});
    expect(o.text).toBe(shared);
  });

  it('a damaged link opens the saved text untouched and says why', () => {
    const cut = shareFragment(mine).slice(0, 40);
    const o = decideOpening({ search: '', hash: cut }, mine, positions);
    expect(o.text).toBe(mine);
    expect(o.positions).toBe(positions);
    expect(o.offer).toBeUndefined();
    expect(o.problem).toMatch(/^This share link cannot be opened: its data is damaged/);
    // On a clean storage too: the default example opens, not a half text.
    expect(decideOpening({ search: '', hash: cut }, undefined, {})).toMatchObject({ text: canary });
  });
});

describe('the address after opening', () => {
  it('drops the example parameter and the share fragment, keeping everything else', () => {
    expect(addressWithoutLink('http://h/app/?example=blue-green')).toBe('http://h/app/');
    expect(addressWithoutLink('http://h/?a=1&example=x&b=2')).toBe('http://h/?a=1&b=2');
    expect(addressWithoutLink('http://h/#share=v1.abc')).toBe('http://h/');
    expect(addressWithoutLink('http://h/?a=1#x=1&share=v1.abc')).toBe('http://h/?a=1#x=1');
  });

  it('leaves an address without a link alone', () => {
    expect(addressWithoutLink('http://h/?a=1#x')).toBeUndefined();
  });
});
