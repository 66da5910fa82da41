import { useMemo, useState } from 'react';
import {
  compareSchemas, compatibilityOf, libraryDefs, type EventType, type EventTypeVersion, type FlowDocument, type UpcastStep,
} from '../../core';
import { Section } from '../inspector/controls';
import { useNodeUpdater } from '../inspector/useNodeUpdater';
import { UpcasterEditor } from './UpcasterEditor';
import './evolution.css';

/** The breaking changes from a past version's own payload to the next one (the current payload for the newest). */
function changesSince(doc: FlowDocument, entry: EventTypeVersion, next: EventType['payload']) {
  const mode = compatibilityOf(doc);
  if (mode === 'none') return [];
  const library = libraryDefs(doc.schemaLibrary);
  return compareSchemas(entry.payload, next, mode, { oldLibrary: library, newLibrary: library });
}

/**
 * An event type's versions: the current one, the earlier ones kept in its history with their
 * payload schemas, and for each the upcaster that turns its events into the next version's.
 * "Start version n+1" keeps the current payload as version n and opens its upcaster.
 */
export function VersionHistorySection({ doc, node }: { doc: FlowDocument; node: EventType }) {
  const update = useNodeUpdater(node);
  const history = useMemo(() => [...(node.history ?? [])].sort((a, b) => b.version - a.version), [node.history]);
  const [open, setOpen] = useState<number | undefined>(history[0]?.version);
  const startNext = () => {
    // Started after the edit? The version being closed is the contract as last exported, when the baseline has it.
    const baseline = doc.evolution?.baseline?.eventTypes.find((t) => t.id === node.id && t.version === node.version);
    const entry: EventTypeVersion = {
      version: node.version,
      payload: structuredClone(baseline?.payload ?? node.payload),
      ...(node.extends === undefined ? {} : { extends: node.extends }),
      upcast: [],
    };
    update({ ...node, version: node.version + 1, history: [...(node.history ?? []).filter((h) => h.version !== node.version), entry] });
    setOpen(node.version);
  };
  const setSteps = (version: number, upcast: UpcastStep[], key?: string) =>
    update({ ...node, history: (node.history ?? []).map((h) => (h.version === version ? { ...h, upcast } : h)) }, key);
  const remove = (version: number) => update({ ...node, history: (node.history ?? []).filter((h) => h.version !== version) });
  return (
    <Section title="Versions" actions={<button type="button" className="tool-button" onClick={startNext}
      title={`Close version ${node.version} (as last exported, else as it is now) and start version ${node.version + 1}, with an upcaster from v${node.version}`}>Start v{node.version + 1}</button>}>
      <p className="inspector-hint">
        Current: <strong>v{node.version}</strong> · compatibility: {compatibilityOf(doc)}
        {history.length === 0 ? ' · no earlier version kept.' : ''}
      </p>
      {history.map((entry) => {
        const next = history.find((h) => h.version === entry.version + 1)?.payload ?? node.payload;
        const changes = changesSince(doc, entry, next);
        const expanded = open === entry.version;
        return (
          <div key={entry.version} className="version-entry" role="group" aria-label={`Version ${entry.version}`}>
            <div className="version-entry__head">
              <button type="button" className="collapsible__toggle" aria-expanded={expanded} onClick={() => setOpen(expanded ? undefined : entry.version)}>
                {expanded ? '▾' : '▸'} v{entry.version} → v{entry.version + 1}
              </button>
              <span className={changes.length > 0 ? 'version-entry__badge version-entry__badge--breaking' : 'version-entry__badge'}>
                {changes.length > 0 ? `${changes.length} breaking` : 'compatible'} · {entry.upcast.length} step{entry.upcast.length === 1 ? '' : 's'}
              </span>
              <button type="button" className="icon-button icon-button--danger" aria-label={`Forget version ${entry.version}`} title="Forget this version"
                onClick={() => remove(entry.version)}>×</button>
            </div>
            {expanded && (
              <>
                {changes.length > 0 && (
                  <ul className="version-entry__changes" aria-label={`Breaking changes from v${entry.version}`}>
                    {changes.map((c, i) => <li key={i}><code>{c.path}</code> {c.message}</li>)}
                  </ul>
                )}
                <UpcasterEditor steps={entry.upcast} onChange={(steps, key) => setSteps(entry.version, steps, key)} />
              </>
            )}
          </div>
        );
      })}
    </Section>
  );
}
