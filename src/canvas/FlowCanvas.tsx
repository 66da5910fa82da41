import { useCallback, useRef, useState, type DragEvent, type RefObject } from 'react';
import {
  Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, useReactFlow,
  type Connection, type EdgeChange, type FinalConnectionState, type IsValidConnection, type NodeChange, type Viewport,
} from '@xyflow/react';
import { canConnect, emptyRecord, getOwn, setOwn, type FlowDocument, type NodeKind, type Position } from '../core';
import { useAppStore } from '../state/store';
import { selectDoc, selectMode } from '../state/selectors';
import type { CanvasNode } from './flowElements';
import { edgeTypes } from './edges/edgeTypes';
import { EdgeMarkers } from './edges/EdgeMarkers';
import { nodeTypes } from './nodes/nodeTypes';
import { useCanvasElements } from './useCanvasElements';
import { useFocusRequests } from './useFocusRequests';
import { CanvasToast } from './CanvasToast';
import { PALETTE_DRAG_TYPE } from './paletteDrag';
import { useAutoLayout } from './useAutoLayout';
import { fitViewOptionsFor } from './fitViewOptions';
import { useRefitOnModeChange } from './useRefitOnModeChange';
import { useKeepSelectionInView } from './useKeepSelectionInView';
import { useFarZoom } from './useFarZoom';
import { useCanvasTabOrder } from './useCanvasTabOrder';
import { LARGE_DESIGN_NODES, useRenderEverything } from './renderEverything';

const MINIMAP_COLORS: Record<string, string> = {
  event: '#f59e0b', producer: '#3b82f6', consumer: '#8b5cf6', projection: '#10b981',
};
/** Live feedback while dragging a connection: the target handle turns green or red. */
const isLegalConnection: IsValidConnection = (connection) => {
  const { doc } = useAppStore.getState();
  return doc !== null && canConnect(doc, connection.source, connection.target).ok;
};

const isEmpty = (doc: FlowDocument) =>
  doc.eventTypes.length + doc.producers.length + doc.consumers.length + doc.projections.length === 0;

const EMPTY_VIEWPORT = { x: 0, y: 0, zoom: 1 };
// Props of <ReactFlow> are compared by identity on every render (a drag renders the canvas once per
// move): a new array here would make React Flow update its store and re-render its views each time.
const SNAP_GRID: [number, number] = [10, 10];
const MULTI_SELECTION_KEYS = ['Meta', 'Control', 'Shift'];
const MINIMAP_SIZE = { width: 168, height: 112 };
const minimapColor = (node: CanvasNode) => getOwn(MINIMAP_COLORS, node.type ?? '') ?? '#94a3b8';

/** The canvas of the open design (remounted per design, so each opens at its own viewport). */
export function FlowCanvas() {
  const doc = useAppStore(selectDoc);
  const container = useRef<HTMLDivElement>(null);
  if (!doc) return <div className="canvas-empty">Opening design…</div>;
  return (
    <div className="canvas" data-testid="canvas" ref={container}>
      <EdgeMarkers />
      <DesignCanvas key={doc.id} doc={doc} container={container} />
      {isEmpty(doc) && (
        <div className="canvas-hint" role="note">
          <strong>This design is empty.</strong>
          <span>Click a kind under <em>Add</em> on the left, or drag it here. Then drag from a node’s right handle to another node to connect them.</span>
          <span>Press <kbd>?</kbd> for keyboard shortcuts.</span>
        </div>
      )}
      <CanvasToast />
    </div>
  );
}

function DesignCanvas({ doc, container }: { doc: FlowDocument; container: RefObject<HTMLDivElement | null> }) {
  const { nodes, edges, rememberSize } = useCanvasElements(doc);
  const { screenToFlowPosition } = useReactFlow();
  const mode = useAppStore(selectMode);
  const fitOptions = fitViewOptionsFor(mode);
  useRefitOnModeChange(mode);
  const autoLayout = useAutoLayout();
  const far = useFarZoom();
  const everything = useRenderEverything();
  const large = nodes.length >= LARGE_DESIGN_NODES;
  useFocusRequests();
  useKeepSelectionInView(container);
  useCanvasTabOrder(container);
  // A saved viewport is restored; a design without one is fitted, or shown at 100% when empty.
  const [initialViewport] = useState(() => doc.layout.viewport ?? (isEmpty(doc) ? EMPTY_VIEWPORT : undefined));

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const state = useAppStore.getState();
    const positions = emptyRecord<Position>();
    let moved = false;
    let dragging = false;
    let selection: Set<string> | null = null;
    for (const change of changes) {
      // React Flow keeps the size on its own node; re-rendering every node to echo it back would double the cost of opening.
      if (change.type === 'dimensions' && change.dimensions) rememberSize(change.id, change.dimensions);
      if (change.type === 'position' && change.position) {
        setOwn(positions, change.id, change.position);
        moved = true;
        dragging ||= change.dragging === true;
      }
      if (change.type === 'select') {
        selection ??= new Set(state.selectedNodeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
    }
    if (moved) state.moveNodes(positions, dragging);
    if (selection) state.setSelection([...selection], useAppStore.getState().selectedEdgeIds);
  }, [rememberSize]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const state = useAppStore.getState();
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      selection ??= new Set(state.selectedEdgeIds);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    }
    if (selection) state.setSelection(useAppStore.getState().selectedNodeIds, [...selection]);
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const state = useAppStore.getState();
    const check = state.connect(connection.source, connection.target);
    if (!check.ok) state.showToast(`Cannot connect: ${check.reason}`);
  }, []);

  // A refused drop does not reach onConnect: say why here.
  const onConnectEnd = useCallback((_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
    const { fromNode, toNode, fromHandle, isValid } = connection;
    if (isValid !== false || !fromNode || !toNode) return;
    const [sourceId, targetId] = fromHandle?.type === 'target' ? [toNode.id, fromNode.id] : [fromNode.id, toNode.id];
    const state = useAppStore.getState();
    const check = state.doc ? canConnect(state.doc, sourceId, targetId) : null;
    if (check && !check.ok) state.showToast(`Cannot connect: ${check.reason}`);
  }, []);

  const onMoveEnd = useCallback((_event: unknown, viewport: Viewport) => {
    useAppStore.getState().setViewport(viewport);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as NodeKind;
    if (!kind) return;
    event.preventDefault();
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const state = useAppStore.getState();
    const id = state.addNode(kind, { x: Math.round(at.x - 120), y: Math.round(at.y - 30) });
    if (id) state.selectNode(id);
  }, [screenToFlowPosition]);

  const onPaneClick = useCallback(() => useAppStore.getState().dismissToast(), []);

  return (
    <ReactFlow
      className={far && !everything ? 'is-far' : undefined}
      onlyRenderVisibleElements={large && !everything}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isLegalConnection}
      onMoveEnd={onMoveEnd}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPaneClick={onPaneClick}
      defaultViewport={initialViewport}
      fitView={!initialViewport}
      fitViewOptions={fitOptions}
      minZoom={0.15}
      maxZoom={2}
      deleteKeyCode={null}
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      selectionKeyCode="Shift"
      snapToGrid
      snapGrid={SNAP_GRID}
      connectionRadius={30}
      attributionPosition="top-right"
      aria-label="Design canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
      {mode === 'design' && !isEmpty(doc) && (
        <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap" position="bottom-right" style={MINIMAP_SIZE} />
      )}
      <Controls position="bottom-left" showInteractive={false} aria-label="Zoom controls" fitViewOptions={fitOptions}>
        <ControlButton onClick={() => void autoLayout()} title="Auto-layout (left to right)" aria-label="Auto-layout">
          ⇶
        </ControlButton>
      </Controls>
    </ReactFlow>
  );
}
