import { useState } from 'react';
import type { DeriveOptions } from '../../../core/derive';
import { buildZip, splitResources } from '../../../core/export/index';
import type { GraphPicture } from '../../../core/export/svg';
import { pngBlob, svgBlob } from './canvas-image';
import { downloadBlob } from './download';

export type ExportAction = 'download' | 'zip' | 'copy' | 'png' | 'svg';

/** Actions that hand out manifests; the pictures need no confirmation. */
export const MANIFEST_ACTIONS: readonly ExportAction[] = ['download', 'zip', 'copy'];

export interface Status {
  text: string;
  kind: 'ok' | 'error';
}

/**
 * Runs one export action on the given manifest text (or, for the pictures, on `picture()`: the graph drawn
 * as SVG); reports what happened in `status`.
 */
export function useExportActions(content: string, options: DeriveOptions, picture: () => GraphPicture) {
  const [status, setStatus] = useState<Status | undefined>();
  const [busy, setBusy] = useState(false);

  const perform = async (action: ExportAction): Promise<string> => {
    switch (action) {
      case 'download':
        downloadBlob(new Blob([content], { type: 'application/yaml' }), 'mesh.yaml');
        return 'Downloaded mesh.yaml';
      case 'zip': {
        const files = splitResources(content, options);
        downloadBlob(new Blob([new Uint8Array(buildZip(files))], { type: 'application/zip' }), 'mesh.zip');
        return `Downloaded mesh.zip (${files.length} files)`;
      }
      case 'copy':
        await navigator.clipboard.writeText(content);
        return 'Copied';
      case 'png':
      case 'svg': {
        const p = picture();
        const blob = action === 'svg' ? svgBlob(p) : await pngBlob(p);
        downloadBlob(blob, `mesh.${action}`);
        return `Downloaded mesh.${action} (${Math.max(1, Math.round(blob.size / 1024))} KB)`;
      }
    }
  };

  const run = async (action: ExportAction) => {
    setBusy(true);
    setStatus(undefined);
    try {
      setStatus({ text: await perform(action), kind: 'ok' });
    } catch (e) {
      setStatus({ text: e instanceof Error ? e.message : String(e), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { run, status, busy };
}
