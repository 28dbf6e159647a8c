import { ReactFlowProvider } from '@xyflow/react';
import { Suspense, lazy } from 'react';
import { Canvas } from './canvas/canvas';
import { ImportDialog } from './dialogs/import-dialog';
import { ExportDialog } from './dialogs/export/export-dialog';
import { ExamplesMenu } from './dialogs/examples-menu';
import { ParseBanner } from './panels/parse-banner';
import { StatusBar } from './panels/status-bar';
import { Toolbar } from './panels/toolbar';
import { PanelBoundary } from './panel-boundary';
import { StudioProvider } from './store-context';
import type { AppStudio } from './studio';
import { useGlobalKeys } from './use-global-keys';
import { useFileDrop } from './dialogs/use-file-drop';
import { SidePanel } from './panels/side-panel';
import { Notice } from './panels/notice';
import { TabConflict } from './tab-conflict';
import { BackupNotice } from './backup-notice';
import { ProblemsPanel } from './panels/problems/problems-panel';
import { useTrace } from './panels/simulator/use-trace';

const MonacoPane = lazy(() => import('./editor/monaco-pane'));

function Shell() {
  useGlobalKeys();
  const dropping = useFileDrop();
  const trace = useTrace();
  return (
    <div className="app">
      <Toolbar />
      <main className="panes">
        <section className="yaml-pane" data-testid="yaml-pane">
          <PanelBoundary name="YAML editor">
            <Suspense fallback={<div className="loading">Loading editor…</div>}>
              <MonacoPane />
            </Suspense>
          </PanelBoundary>
        </section>
        <section className="canvas-pane">
          <ParseBanner />
          <PanelBoundary name="canvas">
            <Canvas trace={trace} />
          </PanelBoundary>
          <PanelBoundary name="problems">
            <ProblemsPanel />
          </PanelBoundary>
          <Notice />
          <TabConflict />
          <BackupNotice />
        </section>
        <PanelBoundary name="side panel">
          <SidePanel />
        </PanelBoundary>
      </main>
      <StatusBar />
      <ImportDialog />
      <ExportDialog />
      <ExamplesMenu />
      {dropping && <div className="drop-overlay">Drop a YAML file to import it</div>}
    </div>
  );
}

export function App({ studio }: { studio: AppStudio }) {
  return (
    <StudioProvider studio={studio}>
      {/* Above the shell: the export dialog reads the canvas's nodes for its pictures. */}
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </StudioProvider>
  );
}
