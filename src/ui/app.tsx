import { ReactFlowProvider } from '@xyflow/react';
import { Suspense, lazy, useCallback, useRef, useState, type CSSProperties } from 'react';
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
import { useTrace } from './panels/simulator/use-canvas-trace';
import { PaneResizer } from './layout/pane-resizer';
import { clampProblems, clampSide, defaultSizes } from './layout/pane-sizes';
import { usePaneSizes } from './layout/use-pane-sizes';
import { ShortcutSheet, useShortcutKey } from './shortcuts/shortcut-sheet';
import { CompareProvider } from './compare/compare-context';
import { CompareHost } from './compare/compare-lazy';

const MonacoPane = lazy(() => import('./editor/monaco-pane'));

function Shell() {
  useGlobalKeys();
  const dropping = useFileDrop();
  const trace = useTrace();
  const [sizes, resize] = usePaneSizes();
  const [help, setHelp] = useState(false);
  useShortcutKey(useCallback(() => setHelp((h) => !h), []));
  // The width a pane had before it was collapsed, to open it again at.
  const before = useRef({
    left: sizes.left || defaultSizes(window.innerWidth).left,
    right: sizes.right || 300,
  });
  const toggle = (side: 'left' | 'right') => {
    if (sizes[side] > 0) {
      before.current[side] = sizes[side];
      resize({ [side]: 0 });
    } else resize({ [side]: before.current[side] });
  };
  const canvasPane = useRef<HTMLElement>(null);
  return (
    <div className="app">
      <Toolbar onHelp={() => setHelp(true)} />
      <main className="panes">
        <section
          className={`yaml-pane${sizes.left === 0 ? ' collapsed' : ''}`}
          data-testid="yaml-pane"
          style={{ width: sizes.left }}
        >
          <PanelBoundary name="YAML editor">
            <Suspense fallback={<div className="loading">Loading editor…</div>}>
              <MonacoPane />
            </Suspense>
          </PanelBoundary>
        </section>
        <PaneResizer
          testId="pane-resizer-left"
          label="YAML pane border"
          axis="x"
          size={sizes.left}
          sign={1}
          onResize={(w) => resize({ left: clampSide(w, sizes.right, window.innerWidth) })}
          onToggle={() => toggle('left')}
        />
        <section
          className="canvas-pane"
          ref={canvasPane}
          style={{ '--problems-height': `${sizes.problems}px` } as CSSProperties}
        >
          <ParseBanner />
          <PanelBoundary name="canvas">
            <Canvas trace={trace} />
          </PanelBoundary>
          <PaneResizer
            testId="pane-resizer-problems"
            label="Problems panel border"
            axis="y"
            size={sizes.problems}
            sign={-1}
            onResize={(h) => resize({ problems: clampProblems(h, canvasPane.current?.clientHeight ?? 600) })}
            onToggle={() => resize({ problems: sizes.problems > 200 ? 150 : 360 })}
          />
          <PanelBoundary name="problems">
            <ProblemsPanel />
          </PanelBoundary>
          <Notice />
          <TabConflict />
          <BackupNotice />
        </section>
        <PaneResizer
          testId="pane-resizer-right"
          label="Side panel border"
          axis="x"
          size={sizes.right}
          sign={-1}
          onResize={(w) => resize({ right: clampSide(w, sizes.left, window.innerWidth) })}
          onToggle={() => toggle('right')}
        />
        <div className={`side-pane${sizes.right === 0 ? ' collapsed' : ''}`} style={{ width: sizes.right }}>
          <PanelBoundary name="side panel">
            <SidePanel />
          </PanelBoundary>
        </div>
      </main>
      <StatusBar />
      <ImportDialog />
      <ExportDialog />
      <ExamplesMenu />
      <CompareHost />
      <ShortcutSheet open={help} onClose={() => setHelp(false)} />
      {dropping && <div className="drop-overlay">Drop a YAML file to import it</div>}
    </div>
  );
}

export function App({ studio }: { studio: AppStudio }) {
  return (
    <StudioProvider studio={studio}>
      {/* The text as this tab opened is one of the bases a comparison can start from. */}
      <CompareProvider openedText={studio.store.getState().text}>
        {/* Above the shell: the export dialog reads the canvas's nodes for its pictures. */}
        <ReactFlowProvider>
          <Shell />
        </ReactFlowProvider>
      </CompareProvider>
    </StudioProvider>
  );
}
