// IP parsing for filter-chain prefix ranges: IPv4 and IPv6 addresses as bigints.

function v4(ip: string): bigint | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    const n = Number(p);
    if (!/^\d{1,3}$/.test(p) || n > 255) return undefined;
    out = (out << 8n) | BigInt(n);
  }
  return out;
}

function v6(ip: string): bigint | undefined {
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  return out;
}

/** An address as a number and its width in bits, or undefined when it is not an IP. */
export function parseIp(ip: string): { value: bigint; bits: number } | undefined {
  const a = v4(ip);
  if (a !== undefined) return { value: a, bits: 32 };
  const b = v6(ip);
  return b === undefined ? undefined : { value: b, bits: 128 };
}

/** `addr/len` as its network and length; undefined when malformed. */
export function parseCidr(cidr: string): { value: bigint; bits: number; len: number } | undefined {
  const [ip = '', l] = cidr.split('/');
  const p = parseIp(ip);
  if (!p) return undefined;
  const len = l === undefined ? p.bits : Number(l);
  if (!Number.isInteger(len) || len < 0 || len > p.bits) return undefined;
  const shift = BigInt(p.bits - len);
  return { value: (p.value >> shift) << shift, bits: p.bits, len };
}

/** The prefix length of the range in `cidrs` that holds `ip` best, or -1. */
export function longestMatch(cidrs: readonly string[], ip: string): number {
  const a = parseIp(ip);
  if (!a) return -1;
  let best = -1;
  for (const c of cidrs) {
    const r = parseCidr(c);
    if (!r || r.bits !== a.bits) continue;
    const shift = BigInt(r.bits - r.len);
    if ((a.value >> shift) << shift === r.value && r.len > best) best = r.len;
  }
  return best;
}

/** The same network written either way (`…:2287/32` and `…:57ce/32` are one range). */
export function cidrKey(cidr: string): string {
  const r = parseCidr(cidr);
  return r ? `${r.value.toString(16)}/${r.len}/${r.bits}` : cidr;
}
