import { describe, expect, it } from 'vitest';
import { dataUrlToBlob } from './download';
import { PNG_SCALE, pngScale } from './image-size';

describe('dataUrlToBlob', () => {
  it('decodes base64 bytes and keeps the type', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,iVBORw0KGgo=');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });
  it('decodes percent-encoded text (html-to-image SVG), escapes intact', async () => {
    const svg = '<svg><text>a &lt;b&gt; &amp; "c"</text></svg>';
    const blob = dataUrlToBlob(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    expect(blob.type).toBe('image/svg+xml');
    expect(await blob.text()).toBe(svg);
  });
  it('rejects what is not a data: URL', () => {
    expect(() => dataUrlToBlob('blob:x')).toThrow();
  });
});

describe('pngScale', () => {
  it('draws at twice the size, less when a canvas could not hold it', () => {
    expect(pngScale(1200, 800)).toBe(PNG_SCALE);
    expect(PNG_SCALE).toBe(2);
    // 10,000 px wide: 2x would be 20,000 px, above what Chromium draws.
    expect(pngScale(10_000, 500)).toBe(1.6);
    const big = pngScale(9000, 9000);
    expect(9000 * big * 9000 * big).toBeLessThanOrEqual(120_000_000 + 1);
    expect(big).toBeGreaterThan(1);
  });
});
