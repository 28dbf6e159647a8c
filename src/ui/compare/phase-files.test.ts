import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../core/compare/types';
import { buildZip } from '../../core/export/zip';
import { phaseFiles } from './phase-files';

const DR = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n';
const VS = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews';

const phase = (index: Phase['index'], yaml: string, commands: string[] = []): Phase => ({
  index,
  title: ['', 'Add subsets and new resources', 'Route changes', 'Removals'][index] ?? '',
  apply: [],
  yaml,
  delete: [],
  commands,
});

describe('phaseFiles', () => {
  it('names each phase by its order and step, in apply order, ending every file with a newline', () => {
    const files = phaseFiles([phase(2, VS), phase(1, DR)]);
    expect(files.map((f) => f.fileName)).toEqual(['1-add.yaml', '2-route.yaml']);
    expect(files[1]?.text).toBe(VS + '\n');
    expect(files[0]?.text).toBe(DR);
  });

  it('deletions go to a script, since kubectl apply cannot delete; an empty phase has no file', () => {
    const files = phaseFiles([
      phase(1, ''),
      phase(3, '', ['kubectl delete destinationrule reviews-old -n default']),
    ]);
    expect(files.map((f) => f.fileName)).toEqual(['3-remove.sh']);
    expect(files[0]?.text).toMatch(/^#!\/bin\/sh\n/);
    expect(files[0]?.text).toContain('set -e\nkubectl delete destinationrule reviews-old -n default\n');
  });

  it('zips to the same files (the export dialog’s zip)', () => {
    const files = phaseFiles([phase(1, DR), phase(2, VS)]);
    const back = unzipSync(buildZip(files));
    expect(Object.keys(back)).toEqual(['1-add.yaml', '2-route.yaml']);
    expect(strFromU8(back['2-route.yaml'] ?? new Uint8Array())).toBe(VS + '\n');
  });
});
