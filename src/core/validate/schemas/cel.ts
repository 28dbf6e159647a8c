// Hand translations of the CEL rules (`x-kubernetes-validations`) that appear in Istio's CRDs. A rule not
// listed here is skipped, never guessed at.

type Check = (self: unknown) => boolean;

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };

/** Milliseconds in a Go/protobuf duration string (`1.5s`, `100ms`, `1h2m`), or undefined when it does not parse. */
export function durationMs(v: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(v)) return undefined;
  let total = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0);
  return total;
}

function has(self: unknown, field: string): boolean {
  return typeof self === 'object' && self !== null && field in self;
}

const FIXED: Record<string, Check> = {
  '0 < self && self <= 65535': (self) => typeof self !== 'number' || (self > 0 && self <= 65535),
  'self != "*"': (self) => self !== '*',
  '!self.contains("*")': (self) => typeof self !== 'string' || !self.includes('*'),
  'has(self.address) || has(self.network)': (self) => has(self, 'address') || has(self, 'network'),
};

/** A JS check for a CEL rule, or undefined when the rule is not one we translate. */
export function celCheck(rule: string): Check | undefined {
  const fixed = FIXED[rule];
  if (fixed) return fixed;
  const min = /^duration\(self\) >= duration\('([^']+)'\)$/.exec(rule);
  const minMs = min?.[1] !== undefined ? durationMs(min[1]) : undefined;
  if (minMs !== undefined) {
    return (self) => {
      const ms = typeof self === 'string' ? durationMs(self) : undefined;
      return ms === undefined || ms >= minMs;
    };
  }
  // `(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1`: at most one of the fields.
  if (/^(\(has\(self\.\w+\) \? 1 : 0\)( \+ )?)+ <= 1$/.test(rule)) {
    const fields = [...rule.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1] ?? '');
    return (self) => fields.filter((f) => has(self, f)).length <= 1;
  }
  return undefined;
}
