import { UsageError } from './args';
import type { Finding } from './findings';

/** One `-S CODE=RESOURCE` of istioctl analyze: a code and a resource pattern, `*` matching any run of characters. */
export interface Suppression {
  code: string;
  resource: string;
}

/** Parses `IST0101=VirtualService default/reviews` (or istioctl's `VirtualService reviews.default`). */
export function parseSuppression(value: string): Suppression {
  const parts = value.split('=');
  if (parts.length !== 2 || !parts[0]?.trim() || !parts[1]?.trim()) {
    throw new UsageError(
      `${value} is not a valid suppression value: expected CODE=Kind ns/name (see its check --help)`,
    );
  }
  return { code: parts[0].trim(), resource: parts[1].trim() };
}

/** A glob as istioctl's (ryanuber/go-glob): only `*` is special and it matches any run, even an empty one. */
function glob(pattern: string, subject: string): boolean {
  const re = pattern
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}$`).test(subject);
}

/** `Kind name.ns`: how istioctl names a resource (its suppressions are written that way). */
function istioctlName(resource: string): string | undefined {
  const m = /^(\S+) ([^/\s]+)\/(\S+)$/.exec(resource);
  return m ? `${m[1]} ${m[3]}.${m[2]}` : undefined;
}

/** True when a suppression covers a finding: same code (globbing allowed) and the resource in either naming. */
export function suppresses(s: Suppression, f: Finding): boolean {
  if (f.resource === null || !glob(s.code, f.code)) return false;
  const alt = istioctlName(f.resource);
  return glob(s.resource, f.resource) || (alt !== undefined && glob(s.resource, alt));
}
