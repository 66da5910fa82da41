/** Pure edits of a design's scenarios (each one undo step through the document's history). */
import type { FlowDocument, Scenario } from '../model';

const list = (doc: FlowDocument) => doc.scenarios ?? [];

/** An id no scenario of the design has yet, from a base (`scenario-2`, …). */
export function freshScenarioId(doc: FlowDocument, base = 'scenario'): string {
  const taken = new Set(list(doc).map((s) => s.id));
  for (let n = list(doc).length + 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A name no scenario of the design has yet: numbered (`Saved run 4`), or the base itself, then `base (2)`, …. */
export function freshScenarioName(doc: FlowDocument, base = 'Scenario', numbered = true): string {
  const taken = new Set(list(doc).map((s) => s.name));
  if (!numbered) {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
  }
  for (let n = list(doc).length + 1; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function addScenario(doc: FlowDocument, scenario: Scenario): FlowDocument {
  if (list(doc).some((s) => s.id === scenario.id)) throw new Error(`a scenario with the id '${scenario.id}' exists already`);
  return { ...doc, scenarios: [...list(doc), scenario] };
}

/** Replaces the scenario with the same id (unchanged document when there is none). */
export function replaceScenario(doc: FlowDocument, scenario: Scenario): FlowDocument {
  if (!list(doc).some((s) => s.id === scenario.id)) return doc;
  return { ...doc, scenarios: list(doc).map((s) => (s.id === scenario.id ? scenario : s)) };
}

export function renameScenario(doc: FlowDocument, id: string, name: string): FlowDocument {
  const scenario = list(doc).find((s) => s.id === id);
  return scenario ? replaceScenario(doc, { ...scenario, name }) : doc;
}

/** Deletes a scenario; the last one leaves an empty list (the design keeps saying it has scenarios: none). */
export function deleteScenario(doc: FlowDocument, id: string): FlowDocument {
  if (!list(doc).some((s) => s.id === id)) return doc;
  return { ...doc, scenarios: list(doc).filter((s) => s.id !== id) };
}
