import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_SHARED_BYTES, decodeShare, encodeShare, shareFragment, shareValueOf } from './share';

const bookinfo = readFileSync(
  'test/fixtures/corpus/istio/samples/bookinfo/networking/destination-rule-all.yaml',
  'utf8',
);

function roundTrip(text: string): string {
  const r = decodeShare(encodeShare(text));
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

describe('share link text', () => {
  it('round-trips a real manifest byte for byte, in a URL-safe fragment', () => {
    const value = encodeShare(bookinfo);
    expect(value).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(roundTrip(bookinfo)).toBe(bookinfo);
    // Compressed: the repetitive YAML takes far less room than the text.
    expect(value.length).toBeLessThan(bookinfo.length / 2);
  });

  it('keeps CRLF, a byte-order mark, tabs and trailing spaces byte for byte', () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: a \t\r\n# end\r\n';
    expect(roundTrip(text)).toBe(text);
    const crlf = bookinfo.replace(/\n/g, '\r\n');
    expect(roundTrip(crlf)).toBe(crlf);
  });

  it('keeps non-ASCII text (accents, CJK, emoji outside the BMP)', () => {
    const text = 'metadata:\n  annotations:\n    note: "Grüße — 日本語 — 🚀🔒"\n';
    expect(roundTrip(text)).toBe(text);
  });

  it('round-trips the empty text and a text bigger than one base64 slice', () => {
    expect(roundTrip('')).toBe('');
    const big = Array.from({ length: 3000 }, (_, i) => `- name: svc-${i * 7919}\n`).join('');
    expect(big.length).toBeGreaterThan(0x8000);
    expect(roundTrip(big)).toBe(big);
  });

  it('reads the value out of a fragment with other parts', () => {
    expect(shareValueOf(shareFragment('a: 1\n'))).toBe(encodeShare('a: 1\n'));
    expect(shareValueOf('#x=1&share=v1.abc')).toBe('v1.abc');
    expect(shareValueOf('#other=1')).toBeUndefined();
    expect(shareValueOf('')).toBeUndefined();
  });
});

describe('a damaged share link is refused with a reason, never thrown', () => {
  const good = encodeShare(bookinfo);

  it('a link cut short when copied, at any length', () => {
    for (const cut of [1, 2, 3, 4, 5, Math.floor(good.length / 2), good.length - 1]) {
      const r = decodeShare(good.slice(0, good.length - cut));
      expect(r, `cut ${cut}`).toMatchObject({ ok: false, reason: /damaged/ });
    }
  });

  it('characters a share link never has, an unknown version, nothing at all', () => {
    expect(decodeShare('v1.abc$def')).toMatchObject({ ok: false, reason: /characters/ });
    expect(decodeShare('v2.' + good.slice(3))).toMatchObject({ ok: false, reason: /format/ });
    expect(decodeShare('v1.')).toMatchObject({ ok: false });
    expect(decodeShare('')).toMatchObject({ ok: false });
  });

  it('flipped bits in the middle', () => {
    const mid = Math.floor(good.length / 2);
    const flipped = good.slice(0, mid) + (good[mid] === 'A' ? 'B' : 'A') + good.slice(mid + 1);
    const r = decodeShare(flipped);
    // Either DEFLATE notices, or the text differs (DEFLATE has no checksum): never the original text, no throw.
    if (r.ok) expect(r.text).not.toBe(bookinfo);
    else expect(r.reason).toMatch(/damaged/);
  });

  it('bytes that are not UTF-8', () => {
    const bad = deflateSync(new Uint8Array([0x61, 0xff, 0xfe, 0x62]));
    const value = 'v1.' + Buffer.from(bad).toString('base64url');
    expect(decodeShare(value)).toMatchObject({ ok: false, reason: /UTF-8/ });
  });

  it('a small fragment that would inflate beyond the limit (a zip bomb)', () => {
    const bomb = deflateSync(new Uint8Array(MAX_SHARED_BYTES + 10).fill(0x61), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const r = decodeShare('v1.' + Buffer.from(bomb).toString('base64url'));
    expect(r).toMatchObject({ ok: false, reason: /bigger than 16 MB/ });
  });
});
