// Text helpers for the SVG picture: XML-safe attribute and text content, and lines cut to a width.

// Characters XML 1.0 does not allow at all (C0 controls but tab, newline, return; U+FFFE/FFFF) and
// surrogates without their pair: a name written with YAML's "\x01" escape must not make the file unreadable.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML content or a double-quoted attribute value. */
export function xml(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Average advance of a sans-serif character relative to the font size (wide enough for digits and capitals,
// so a cut line never runs out of its box).
const CHAR_WIDTH = 0.56;

/** `s` cut with an ellipsis so that it fits `width` pixels at `fontSize` (newlines become spaces). */
export function fit(s: string, width: number, fontSize: number): string {
  const flat = s.replace(/\s+/g, ' ');
  const max = Math.max(1, Math.floor(width / (fontSize * CHAR_WIDTH)));
  // By code point, so an emoji is never cut in half.
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** A number as short as SVG needs (one decimal). */
export function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}
