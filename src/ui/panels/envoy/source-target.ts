import type { EnvoyCluster, EnvoyRoute } from '../../../core/envoy';
import type { MeshModel, ResourceBase } from '../../../core/model/types';
import { blockRangeAt, type YamlPath } from '../../../core/yaml/locate';
import type { ParsedText } from '../../../core/yaml/parse';

/** Where a row of the Envoy view comes from: a range of the text to reveal and what to select on the canvas. */
export interface SourceTarget {
  range: [number, number];
  nodeId: string;
  edgeId?: string;
}

function rangeOf(parsed: ParsedText, r: ResourceBase, path: YamlPath): [number, number] | undefined {
  const doc = parsed.docs.find((d) => d.index === r.docIndex);
  if (!doc || doc.broken) return undefined;
  const range = blockRangeAt(doc, [...r.basePath, ...path]) ?? blockRangeAt(doc, r.basePath);
  if (!range) return undefined;
  // End on the block's last line, not on the line break after it.
  let end = range[1];
  while (end > range[0] && /\s/.test(parsed.text.charAt(end - 1))) end--;
  return [range[0], end];
}

function nsName(ref: string): string {
  return ref.slice(ref.indexOf(' ') + 1);
}

/**
 * The rule a route came from (`source`: `http[i]`, and its `match[j]`), with the VirtualService node and the
 * rule's first route edge on the canvas. Routes istiod makes up (catch-alls, plain services) have none.
 */
export function routeTarget(
  model: MeshModel,
  parsed: ParsedText,
  route: EnvoyRoute,
): SourceTarget | undefined {
  const src = route.source;
  if (!src) return undefined;
  const vs = model.virtualServices.find((v) => v.ref === src.ref);
  if (!vs) return undefined;
  const rule: YamlPath = ['spec', 'http', src.httpIndex];
  const path = src.matchIndex === undefined ? rule : [...rule, 'match', src.matchIndex];
  const range = rangeOf(parsed, vs, path);
  if (!range) return undefined;
  const id = nsName(vs.ref);
  const hasRoute =
    (vs.routes.find((r) => r.protocol === 'http' && r.index === src.httpIndex)?.destinations.length ?? 0) > 0;
  return {
    range,
    nodeId: `virtualservice:${id}`,
    ...(hasRoute ? { edgeId: `route:${id}/http/${src.httpIndex}/0` } : {}),
  };
}

/** The subset (or the DestinationRule, or the Service) behind a cluster. */
export function clusterTarget(
  model: MeshModel,
  parsed: ParsedText,
  c: EnvoyCluster,
): SourceTarget | undefined {
  if (c.destinationRule) {
    const dr = model.destinationRules.find((d) => nsName(d.ref) === c.destinationRule);
    if (dr) {
      const subset = c.subset ? dr.subsets.find((s) => s.name === c.subset) : undefined;
      const range = rangeOf(parsed, dr, subset ? ['spec', 'subsets', subset.index] : ['spec']);
      if (range) {
        return subset
          ? { range, nodeId: `subset:${dr.namespace}/${dr.name}/${subset.name}` }
          : { range, nodeId: `destinationrule:${dr.namespace}/${dr.name}` };
      }
    }
  }
  const svc = model.services.find((s) => s.fqdn === c.serviceFqdn);
  if (!svc) return undefined;
  const range = rangeOf(parsed, svc, ['spec']);
  return range ? { range, nodeId: `service:${svc.namespace}/${svc.name}` } : undefined;
}

/** A VirtualService named by a finding (`VirtualService ns/name`): its whole object and its node. */
export function virtualServiceTarget(
  model: MeshModel,
  parsed: ParsedText,
  ref: string,
): SourceTarget | undefined {
  const vs = model.virtualServices.find((v) => v.ref === ref);
  const range = vs && rangeOf(parsed, vs, []);
  return vs && range ? { range, nodeId: `virtualservice:${nsName(vs.ref)}` } : undefined;
}
