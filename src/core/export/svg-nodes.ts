import { formatLabels } from '../model/labels';
import type { GraphNode, PolicyBadge } from '../graph/types';
import { fit, n, xml } from './svg-text';

// The inside of each node box, in the picture's own layout: a kind line and a name line (the header), then
// body lines. Only node sizes come from the graph; what the canvas draws for editing (handles, "+ add route",
// selection, simulator highlights, diagnostics) has no place in a picture.
const PAD = 10;
const KIND_Y = 16;
const NAME_Y = 34;
/** Baseline of the first body line, and the pitch of body lines. */
const BODY_Y = 56;
const LINE = 20;
/** Top of the first route row of a VirtualService (under its hosts line), and the row pitch. */
const ROWS_Y = 66;
const ROW = 24;

/** Where a route row's edge leaves a VirtualService: the middle of that row, from the node's top. */
export function rowAnchorY(index: number): number {
  return ROWS_Y + index * ROW + ROW / 2;
}

export const KIND_LABEL: Record<GraphNode['kind'], string> = {
  gateway: 'Gateway',
  virtualservice: 'VirtualService',
  service: 'Service',
  serviceentry: 'ServiceEntry',
  destinationrule: 'DestinationRule',
  subset: 'subset',
  deployment: 'Deployment',
  missing: 'missing',
};

const badgeText = (badges: readonly PolicyBadge[]) => badges.map((b) => b.label).join(' · ');
const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p).join(' · ');

function line(y: number, width: number, key: string, value: string): string {
  const room = width - 2 * PAD;
  const k = key ? fit(key, room, 12) : '';
  const v = fit(value || '—', Math.max(24, room - (k ? [...k].length + 1 : 0) * 6.7), 12);
  return `<text x="${PAD}" y="${n(y)}">${k ? `<tspan class="k">${xml(k)}</tspan> ` : ''}${xml(v)}</text>`;
}

function body(g: GraphNode): string {
  const w = g.width;
  switch (g.kind) {
    case 'gateway':
      return [
        line(BODY_Y, w, 'hosts', g.hosts.join(', ')),
        ...g.servers.slice(0, 3).map((s, i) => line(BODY_Y + LINE * (i + 1), w, 'server', s)),
      ].join('');
    case 'virtualservice':
      return (
        line(BODY_Y, w, 'hosts', g.hosts.join(', ')) +
        `<path class="rule" d="M0 ${ROWS_Y - 2}H${n(w)}"/>` +
        g.rows
          .map((r, i) =>
            line(
              ROWS_Y + i * ROW + 16,
              w,
              r.protocol,
              joined(r.name ? `${r.name}: ${r.match}` : r.match, badgeText(r.badges)),
            ),
          )
          .join('')
      );
    case 'service':
      return line(BODY_Y, w, `ports ${g.ports.join(', ')}`, formatLabels(g.selector));
    case 'serviceentry':
      return line(BODY_Y, w, g.location === 'MESH_INTERNAL' ? 'internal' : 'external', g.hosts.join(', '));
    case 'destinationrule':
      return line(BODY_Y, w, 'host', joined(g.host, badgeText(g.badges)));
    case 'subset':
      return line(NAME_Y, w, '', joined(formatLabels(g.labels), badgeText(g.badges)));
    case 'deployment': {
      const what = `${g.version ?? 'no version'}${g.replicas !== undefined ? ` ×${g.replicas}` : ''}`;
      return line(BODY_Y, w, what, g.image ?? '');
    }
    case 'missing': {
      // The reason on up to two lines.
      const room = [...g.reason].length <= 30 ? [g.reason] : splitOnce(g.reason);
      return room.map((r, i) => line(BODY_Y + i * LINE, w, '', r)).join('');
    }
    default:
      return '';
  }
}

function splitOnce(s: string): string[] {
  const mid = s.lastIndexOf(' ', Math.ceil(s.length / 2));
  return mid > 0 ? [s.slice(0, mid), s.slice(mid + 1)] : [s];
}

function header(g: GraphNode): string {
  const kind =
    g.kind === 'deployment' && g.workloadKind !== 'Deployment' ? g.workloadKind : KIND_LABEL[g.kind];
  const room = g.width - 2 * PAD;
  if (g.kind === 'subset') {
    return `<text class="kind" x="${PAD}" y="15">subset <tspan class="name">${xml(fit(g.title, room - 60, 13))}</tspan></text>`;
  }
  const ns = g.kind !== 'missing' && g.namespace !== 'default' ? g.namespace : '';
  const nsText = ns ? fit(ns, room / 2, 11) : '';
  return (
    `<text class="kind" x="${PAD}" y="${KIND_Y}">${xml(fit(kind ?? g.kind, room - [...nsText].length * 7, 11))}</text>` +
    (nsText ? `<text class="ns" x="${n(g.width - PAD)}" y="${KIND_Y}">${xml(nsText)}</text>` : '') +
    `<text class="name" x="${PAD}" y="${NAME_Y}">${xml(fit(g.title, room, 14))}</text>`
  );
}

/** One node as a `<g>` at its absolute top-left corner: box, kind stripe, header and body, its ref as a tooltip. */
export function nodeSvg(g: GraphNode, x: number, y: number): string {
  const elsewhere = g.kind === 'missing' && 'elsewhere' in g && g.elsewhere === true;
  const cls = `node k-${g.kind}${elsewhere ? ' elsewhere' : ''}`;
  return (
    `<g class="${cls}" data-node-id="${xml(g.id)}" transform="translate(${n(x)} ${n(y)})">` +
    `<title>${xml(g.ref ?? g.title)}</title>` +
    `<rect class="box" width="${n(g.width)}" height="${n(g.height)}" rx="6"/>` +
    `<rect class="stripe" width="5" height="${n(g.height)}" rx="2"/>` +
    header(g) +
    body(g) +
    '</g>'
  );
}
