import { deflateSync, inflateSync } from 'fflate';

// A shared design travels in the URL fragment, which browsers never send to a server: nothing leaves the
// browser. `v1.` names the format (raw DEFLATE of the UTF-8 text, base64url), so a later format can be told apart.
const PREFIX = 'v1.';
/** The fragment key: `#share=v1.…`. */
export const SHARE_KEY = 'share';
/** Texts above this size are refused on opening: a tiny fragment must not inflate into gigabytes. */
export const MAX_SHARED_BYTES = 16 * 1024 * 1024;

const DAMAGED = 'its data is damaged (was the link cut short when it was copied?)';

export type ShareDecode = { ok: true; text: string } | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  // In slices: String.fromCharCode(...all) overflows the call stack on big texts.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | undefined {
  // One character over a whole group of four cannot come from encoding bytes: the link was cut.
  if (s.length % 4 === 1) return undefined;
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The fragment value for a text (`v1.` + base64url of its raw DEFLATE); every byte of the text survives. */
export function encodeShare(text: string): string {
  return PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
}

/** `#share=<value>` for a text, to append to the app's address. */
export function shareFragment(text: string): string {
  return `#${SHARE_KEY}=${encodeShare(text)}`;
}

/**
 * The text of a fragment value made by `encodeShare`, or why it cannot be read (cut short when copied, from
 * another version, not ours). Never throws.
 */
export function decodeShare(value: string): ShareDecode {
  if (!value.startsWith(PREFIX)) {
    return { ok: false, reason: 'it is not in a format this version knows (it should start with "v1.")' };
  }
  const body = value.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body))
    return { ok: false, reason: 'it has characters a share link never has' };
  const bytes = fromBase64Url(body);
  if (!bytes || bytes.length === 0) return { ok: false, reason: DAMAGED };
  let raw: Uint8Array;
  try {
    // One byte more than allowed: a result that fills it was cut, so the text is too big.
    raw = inflateSync(bytes, { out: new Uint8Array(MAX_SHARED_BYTES + 1) });
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  if (raw.length > MAX_SHARED_BYTES) {
    return { ok: false, reason: `its text is bigger than ${MAX_SHARED_BYTES / 1024 / 1024} MB` };
  }
  try {
    // ignoreBOM: a byte-order mark the text started with is part of the text.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw) };
  } catch {
    return { ok: false, reason: 'its data is damaged (the text is not valid UTF-8)' };
  }
}

/** The `share` value of a URL fragment (`#share=…`), if it has one. */
export function shareValueOf(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part.startsWith(`${SHARE_KEY}=`)) return part.slice(SHARE_KEY.length + 1);
  }
  return undefined;
}
