import type { PaletteKind } from '../../core/edit/canvas-intents';

// The canvas side of the gesture → intent mapping: what the palette shows. The mapping itself is pure and
// lives in core (`core/edit/canvas-intents.ts`), where its tests run against real derivations.
export { connectIntent, deleteIntent, dropIntent, type PaletteKind } from '../../core/edit/canvas-intents';

export const PALETTE: { kind: PaletteKind; label: string; hint: string }[] = [
  { kind: 'gateway', label: 'Gateway', hint: 'Entry point for traffic from outside the mesh' },
  { kind: 'virtualservice', label: 'VirtualService', hint: 'Where traffic for a host goes' },
  { kind: 'destinationrule', label: 'DestinationRule', hint: 'Subsets and policies of a host' },
  { kind: 'subset', label: 'Subset', hint: 'Drop on a DestinationRule: a new version subset' },
  { kind: 'service', label: 'Service', hint: 'A Kubernetes Service' },
  { kind: 'deployment', label: 'Deployment', hint: 'A new version of an app' },
];
