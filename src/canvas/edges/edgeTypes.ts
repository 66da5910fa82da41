import type { EdgeTypes } from '@xyflow/react';
import { InheritanceEdge } from './InheritanceEdge';
import { SemanticEdge } from './SemanticEdge';

/** Declared once at module scope, as React Flow requires for stable edge types. */
export const edgeTypes: EdgeTypes = { flow: SemanticEdge, inheritance: InheritanceEdge };
