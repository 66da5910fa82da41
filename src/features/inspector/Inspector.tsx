import { useAppStore } from '../../state/store';
import { selectDocContent, selectEdges, selectSelectedEdgeIds, selectSelectedNodeIds, selectSingleSelectedNode } from '../../state/selectors';
import { ConnectionInspector } from './ConnectionInspector';
import { ConsumerInspector } from './ConsumerInspector';
import { DesignInspector } from './DesignInspector';
import { EventInspector } from './EventInspector';
import { ProducerInspector } from './ProducerInspector';
import { ProjectionInspector } from './ProjectionInspector';

/** Edits the selected node; with nothing selected, the design itself. */
export function Inspector() {
  const doc = useAppStore(selectDocContent);
  const node = useAppStore(selectSingleSelectedNode);
  const selectedCount = useAppStore(selectSelectedNodeIds).length;
  const deleteSelection = useAppStore((s) => s.deleteSelection);
  const edges = useAppStore(selectEdges);
  const selectedEdgeIds = useAppStore(selectSelectedEdgeIds);
  if (!doc) return null;
  const selectedEdges = edges.filter((edge) => selectedEdgeIds.includes(edge.id));
  if (selectedCount === 0 && selectedEdges.length > 0) {
    return <div className="inspector" aria-label="Inspector"><ConnectionInspector doc={doc} edges={selectedEdges} /></div>;
  }
  if (selectedCount > 1) {
    return (
      <div className="inspector" aria-label="Inspector">
        <p className="inspector-hint">{selectedCount} nodes selected.</p>
        <button type="button" className="tool-button tool-button--danger" onClick={deleteSelection}>Delete {selectedCount} nodes</button>
      </div>
    );
  }
  return (
    <div className="inspector" aria-label="Inspector" key={node?.id ?? 'design'}>
      {!node && <DesignInspector doc={doc} />}
      {node?.kind === 'event' && <EventInspector doc={doc} node={node} />}
      {node?.kind === 'producer' && <ProducerInspector doc={doc} node={node} />}
      {node?.kind === 'consumer' && <ConsumerInspector doc={doc} node={node} />}
      {node?.kind === 'projection' && <ProjectionInspector node={node} />}
    </div>
  );
}
