import { findNode, type FlowDocument, type FlowEdge } from '../../core';
import { useAppStore } from '../../state/store';
import { Section } from './controls';

const MEANING: Record<FlowEdge['kind'], string> = {
  emits: 'Removing it removes the emission (and its field mapping) from every command or handler of the source.',
  subscribes: 'Removing it removes the consumer’s handler for this event, with its effects and emissions.',
  updates: 'Removing it removes every effect of the consumer on this projection.',
};

/** A selected connection: what it stands for, and a way to remove it. */
export function ConnectionInspector({ doc, edges }: { doc: FlowDocument; edges: FlowEdge[] }) {
  const deleteSelection = useAppStore((s) => s.deleteSelection);
  const name = (id: string) => findNode(doc, id)?.name ?? id;
  return (
    <Section title={edges.length === 1 ? 'Connection' : `${edges.length} connections`}>
      <ul className="connection-list">
        {edges.map((edge) => (
          <li key={edge.id}>
            <strong>{name(edge.source)}</strong> {edge.kind === 'subscribes' ? 'is consumed by' : edge.kind} <strong>{name(edge.target)}</strong>
            <p className="inspector-hint">{MEANING[edge.kind]}</p>
          </li>
        ))}
      </ul>
      <button type="button" className="tool-button tool-button--danger" onClick={deleteSelection} title="Delete (Del)">
        Remove {edges.length === 1 ? 'connection' : 'connections'}
      </button>
    </Section>
  );
}
