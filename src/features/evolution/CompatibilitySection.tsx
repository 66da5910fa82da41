import { useState } from 'react';
import { baselineOf, COMPATIBILITY_MODES, type CompatibilityMode, type FlowDocument } from '../../core';
import { loadSavedDesign, useSavedDesigns } from '../../state/savedDesigns';
import { useAppStore } from '../../state/store';
import { Section, SelectField } from '../inspector/controls';
import './evolution.css';

const MODE_HINTS: Record<CompatibilityMode, string> = {
  backward: 'Consumers on the new contract read events written with the old one (the default).',
  forward: 'Consumers on the old contract read events written with the new one.',
  full: 'Both backward and forward.',
  none: 'No compatibility check.',
};

/**
 * The design's schema evolution settings: the compatibility mode, and the baseline the problems
 * list compares event contracts with — the last export (recorded on every schema export), a
 * saved design the user picks, or none.
 */
export function CompatibilitySection({ doc }: { doc: FlowDocument }) {
  const applyEdit = useAppStore((s) => s.applyEdit);
  const designs = useSavedDesigns() ?? [];
  const [error, setError] = useState<string>();
  const mode = doc.evolution?.compatibility ?? 'backward';
  const baseline = doc.evolution?.baseline;
  const setMode = (compatibility: CompatibilityMode) => applyEdit((d) => ({ ...d, evolution: { ...d.evolution, compatibility } }));
  const compareWith = async (designId: string) => {
    setError(undefined);
    if (designId === '') {
      applyEdit((d) => ({ ...d, evolution: { compatibility: d.evolution?.compatibility ?? 'backward' } }));
      return;
    }
    try {
      const other = await loadSavedDesign(designId);
      if (!other) throw new Error('the design is gone');
      applyEdit((d) => ({ ...d, evolution: { compatibility: d.evolution?.compatibility ?? 'backward', baseline: baselineOf(other, `design '${other.name}'`) } }));
    } catch (e) {
      setError(`Cannot compare with that design: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const others = designs.filter((d) => d.id !== doc.id);
  return (
    <Section title="Schema evolution">
      <SelectField label="Compatibility" value={mode} title={MODE_HINTS[mode]}
        options={COMPATIBILITY_MODES.map((m) => ({ value: m, label: m }))} onChange={(m) => setMode(m as CompatibilityMode)} />
      <p className="inspector-hint">{MODE_HINTS[mode]}</p>
      <p className="inspector-hint" data-testid="evolution.baseline">
        {baseline ? <>Compared with <strong>{baseline.label}</strong> ({baseline.eventTypes.length} event types).</> : 'No baseline yet: exporting schemas records one, or compare with a saved design.'}
      </p>
      <SelectField label="Compare with" value="" title="Check every event type's contract against another saved design"
        options={[{ value: '', label: '— choose a saved design —' }, ...others.map((d) => ({ value: d.id, label: d.name }))]}
        onChange={(id) => void compareWith(id)} />
      {baseline && <button type="button" className="tool-button" onClick={() => void compareWith('')}>Clear the baseline</button>}
      {error && <p className="inspector-hint inspector-hint--error" role="alert">{error}</p>}
    </Section>
  );
}
