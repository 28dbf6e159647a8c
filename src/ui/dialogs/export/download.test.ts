import { describe, expect, it } from 'vitest';
import { dataUrlToBlob } from './download';
import { imageSize } from './image-size';

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

describe('imageSize', () => {
  it('adds a margin and stays within bounds', () => {
    expect(imageSize({ width: 1000, height: 500 })).toEqual({ width: 1096, height: 596 });
    expect(imageSize({ width: 10, height: 10 })).toEqual({ width: 320, height: 320 });
    expect(imageSize({ width: 99999, height: 5000 })).toEqual({ width: 4096, height: 4096 });
  });
});
