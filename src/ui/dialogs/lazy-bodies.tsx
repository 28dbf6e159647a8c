import { Suspense, lazy, type ReactNode } from 'react';
import { PanelBoundary } from '../panel-boundary';

// Dialog bodies that are not on the first screen, so they load on first open (and the toolbar warms them on
// hover or focus): the export body alone brings the zip and share-link compression. Calling a loader twice is free, the
// browser keeps the module.

/** Starts loading the export dialog's body. */
export const loadExportBody = () => import('./export/export-body');

export const LazyExportBody = lazy(() => loadExportBody().then((m) => ({ default: m.ExportBody })));

/** A lazily loaded dialog body: a short wait line while it loads, and a failed load stays inside the dialog. */
export function DialogBody({ name, children }: { name: string; children: ReactNode }) {
  return (
    <PanelBoundary name={name}>
      <Suspense fallback={<p className="loading">Loading…</p>}>{children}</Suspense>
    </PanelBoundary>
  );
}
