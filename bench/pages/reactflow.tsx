// The ceiling of the canvas: plain React Flow (default nodes, controlled the way its docs show) on the
// same generated design the app opens. ?nodes=<n>&seed=<s> (defaults 1,000 and 11).
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { applyNodeChanges, Background, ReactFlow, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { allNodes, deriveEdges, getOwn } from '../../src/core';
import { makeLargeFlow } from '../../src/core/testing';

const params = new URLSearchParams(location.search);
const design = makeLargeFlow({ nodes: Number(params.get('nodes') ?? 1000), seed: Number(params.get('seed') ?? 11) });

const initialNodes: Node[] = allNodes(design).map((node) => ({
  id: node.id,
  position: getOwn(design.layout.positions, node.id) ?? { x: 0, y: 0 },
  data: { label: node.name },
  ariaLabel: node.name,
}));
const edges: Edge[] = [
  ...deriveEdges(design).map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  ...design.eventTypes.filter((e) => e.extends !== undefined).map((e) => ({ id: `extends:${e.id}`, source: e.id, target: e.extends as string })),
];

function PlainFlow() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.15} maxZoom={2}>
        <Background />
      </ReactFlow>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><PlainFlow /></StrictMode>);
