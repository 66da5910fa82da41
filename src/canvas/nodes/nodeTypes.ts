import type { NodeTypes } from '@xyflow/react';
import { ConsumerNode } from './ConsumerNode';
import { EventNode } from './EventNode';
import { ProducerNode } from './ProducerNode';
import { ProjectionNode } from './ProjectionNode';

/** Declared once at module scope, as React Flow requires for stable node types. */
export const nodeTypes: NodeTypes = {
  event: EventNode,
  producer: ProducerNode,
  consumer: ConsumerNode,
  projection: ProjectionNode,
};
