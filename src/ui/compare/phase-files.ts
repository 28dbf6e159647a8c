import type { Phase } from '../../core/compare/types';
import type { ExportFile } from '../../core/export/split';

const SLUG: Record<Phase['index'], string> = { 1: 'add', 2: 'route', 3: 'remove' };

/**
 * The files of a make-before-break rollout, in the order they are applied: `1-add.yaml` (new subsets and
 * resources), `2-route.yaml` (route changes), `3-remove.yaml` (what is still applied in the last step), and
 * `3-remove.sh` for the deletions `kubectl apply` cannot do. A phase with nothing to do has no file.
 */
export function phaseFiles(phases: readonly Phase[]): ExportFile[] {
  const out: ExportFile[] = [];
  for (const p of [...phases].sort((a, b) => a.index - b.index)) {
    const stem = `${p.index}-${SLUG[p.index]}`;
    if (p.yaml.trim() !== '') out.push({ fileName: `${stem}.yaml`, text: ensureNewline(p.yaml) });
    if (p.commands.length > 0) {
      const lines = [
        '#!/bin/sh',
        `# Phase ${p.index}: ${p.title}. Run once no route sends traffic to these any more.`,
        'set -e',
        ...p.commands,
      ];
      out.push({ fileName: `${stem}.sh`, text: lines.join('\n') + '\n' });
    }
  }
  return out;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}
