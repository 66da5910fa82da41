// The first visit's JavaScript ceiling: React, React DOM, React Flow and Dexie alone, each doing what the
// app's first visit needs of it (render, a small flow, open a database), and nothing else.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import Dexie from 'dexie';
import '@xyflow/react/dist/style.css';

const nodes: Node[] = [
  { id: 'a', position: { x: 0, y: 0 }, data: { label: 'producer' } },
  { id: 'b', position: { x: 250, y: 0 }, data: { label: 'event' } },
  { id: 'c', position: { x: 500, y: 0 }, data: { label: 'consumer' } },
];
const edges: Edge[] = [{ id: 'ab', source: 'a', target: 'b' }, { id: 'bc', source: 'b', target: 'c' }];

const db = new Dexie('efd-bench-baseline');
db.version(1).stores({ things: 'id' });
void db.table('things').count();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div style={{ position: 'fixed', inset: 0 }}><ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView /></div>
  </StrictMode>,
);
