import type { ValidationContext } from '../context';
import type { Diagnostic } from '../types';
import { sameNameInOtherNamespace } from '../../model/presence';
import { cappedList, formatCount, NAMES_SHOWN } from './util';

/**
 * Said by every "not in this text" finding: a text is usually part of a mesh (repositories split Services,
 * DestinationRules and Gateways over files), so a reference to something it does not hold is no error until the
 * person says the text is the whole mesh.
 */
export const ELSEWHERE_HINT =
  'If it is applied from another file, nothing is wrong here; tick "This is the whole mesh" to check such references as errors.';

/** True when the text holds a Service or ServiceEntry for the host, visible or not, or one of its name elsewhere. */
export function hostInText(ctx: ValidationContext, fqdn: string): boolean {
  return (
    (ctx.index.servicesByFqdn.get(fqdn)?.length ?? 0) > 0 ||
    ctx.index.hasServiceEntry(fqdn) !== undefined ||
    sameNameInOtherNamespace(ctx.model, fqdn) !== undefined
  );
}

/** References to one missing thing, in text order of discovery; becomes one info finding. */
export class AbsentGroups<K> {
  private readonly groups = new Map<string, { key: K; refs: Diagnostic[] }>();

  /** Adds a reference to the group `id` (made with `key()` when new) and returns the group's key. */
  add(id: string, ref: Diagnostic, key: () => K): K {
    const g = this.groups.get(id);
    if (g) {
      g.refs.push(ref);
      return g.key;
    }
    const made = key();
    this.groups.set(id, { key: made, refs: [ref] });
    return made;
  }

  has(id: string): boolean {
    return this.groups.has(id);
  }

  /** One info finding per group, at its first reference; the others are its `related` places. */
  findings(
    message: (key: K, refs: readonly Diagnostic[]) => string,
    fixes?: (key: K) => Diagnostic['fixes'],
  ): Diagnostic[] {
    return [...this.groups.values()].flatMap(({ key, refs }) => {
      const [first, ...rest] = refs;
      if (!first) return [];
      return [
        {
          ...first,
          severity: 'info' as const,
          message: message(key, refs),
          ...(fixes ? { fixes: fixes(key) } : {}),
          ...(rest.length
            ? { related: rest.map((r) => ({ resource: r.resource, path: r.path, range: r.range })) }
            : {}),
        },
      ];
    });
  }
}

/** `VirtualService default/reviews (spec/http[0]/route[0]/destination/host)`, capped: a readable "referenced by". */
export function referencedBy(refs: readonly Diagnostic[]): string {
  const head = refs.slice(0, NAMES_SHOWN + 1).map((r) => `${r.resource ?? 'the text'} (${r.path})`);
  const n = refs.length;
  return `Referenced ${n === 1 ? 'once' : `${formatCount(n)} times`}: ${cappedList(head, n)}.`;
}
