import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StudioState } from '../../state/store';
import { useDerived, useStudio, useStudioStore } from '../store-context';
import { StudioNodeComponent } from './nodes/studio-node';
import { StudioEdgeComponent } from './studio-edge';
import { summariseDiagnostics, toFlow, type StudioNode, type Trace } from './to-flow';
import { usePositions } from './use-positions';

const nodeTypes = { studio: StudioNodeComponent };
const edgeTypes = { studio: StudioEdgeComponent };
const selectSelection = (s: StudioState) => s.selection;
const selectFit = (s: StudioState) => s.fitRequest;

const minimapColor = (n: StudioNode) => `var(--kind-${n.data.g.kind})`;

export interface CanvasProps {
  trace: Trace | undefined;
  onConnect?: (source: string, sourceHandle: string | null, target: string) => void;
}

/** The graph canvas: a picture of the derived graph, and the place where canvas actions start. */
export function Canvas({ trace, onConnect }: CanvasProps) {
  const derived = useDerived();
  const store = useStudioStore();
  const selection = useStudio(selectSelection);
  const fitRequest = useStudio(selectFit);
  const positions = usePositions(derived.graph);
  const diags = useMemo(() => summariseDiagnostics(derived.diagnostics), [derived.diagnostics]);
  const stale = derived.parseErrors.length > 0;
  const flow = useMemo(() => toFlow(derived.graph, positions, diags, trace, stale), [derived.graph, positions, diags, trace, stale]);

  const [nodes, setNodes] = useState<StudioNode[]>(flow.nodes);
  useEffect(() => {
    setNodes(flow.nodes.map((n) => (n.id === selection.nodeId ? { ...n, selected: true } : n)));
  }, [flow.nodes, selection.nodeId]);
  const edges = useMemo(
    () => flow.edges.map((e) => (e.id === selection.edgeId ? { ...e, selected: true } : e)),
    [flow.edges, selection.edgeId],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StudioNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging === false) store.getState().movePosition(c.id, c.position);
      }
    },
    [store],
  );
  const onSelectionChange = useCallback(
    ({ nodes: ns, edges: es }: OnSelectionChangeParams) => {
      const nodeId = ns[0]?.id;
      const edgeId = nodeId ? undefined : es[0]?.id;
      const cur = store.getState().selection;
      if (cur.nodeId !== nodeId || cur.edgeId !== edgeId) {
        if (nodeId || edgeId) store.getState().select({ nodeId, edgeId });
      }
    },
    [store],
  );

  const rf = useReactFlow();
  useEffect(() => {
    if (fitRequest > 0) requestAnimationFrame(() => void rf.fitView({ padding: 0.1, duration: 0 }));
  }, [fitRequest, rf]);

  return (
    <div
      className={`canvas${stale ? ' stale' : ''}`}
      data-testid="canvas"
      data-node-count={derived.graph.nodes.length}
      data-edge-count={derived.graph.edges.length}
      data-busy="false"
    >
      <ReactFlow<StudioNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onPaneClick={() => store.getState().select({})}
        onConnect={(c) => onConnect?.(c.source, c.sourceHandle ?? null, c.target)}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        fitView
        minZoom={0.05}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls />
        <MiniMap pannable zoomable nodeColor={minimapColor} />
      </ReactFlow>
    </div>
  );
}
