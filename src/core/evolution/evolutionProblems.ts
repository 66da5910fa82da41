/**
 * The schema-evolution findings of the problems list: a breaking change on an unchanged version
 * number (against the design's baseline: the last export, or a design the user chose), a version
 * raised past a breaking change with no upcaster to bring old events forward, and gaps in a
 * version history (`historyProblems.ts`). Pure.
 */
import type { Problem } from '../model/validation/problems';
import type { FlowDocument } from '../model/types';
import { baselineSnapshot, contractsOf, diffContracts } from './diffDesigns';
import { compatibilityOf, evolutionProblem as problem, versionHistoryProblems } from './historyProblems';

/** Evolution problems of a design: its version histories and the comparison with its baseline. Pure. */
export function evolutionProblems(doc: FlowDocument): Problem[] {
  return [...versionHistoryProblems(doc), ...baselineProblems(doc)];
}

/** The breaking changes since the design's baseline, and versions raised without an upcaster. Pure. */
export function baselineProblems(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const index = new Map(doc.eventTypes.map((t, i) => [t.id, i]));
  const mode = compatibilityOf(doc);
  const baseline = doc.evolution?.baseline;
  if (!baseline || mode === 'none') return problems;
  for (const diff of diffContracts(baselineSnapshot(baseline), contractsOf(doc), mode)) {
    const at = index.get(diff.id);
    if (at === undefined || diff.changes.length === 0) continue;
    const type = doc.eventTypes[at]!;
    const [first] = diff.changes;
    const more = diff.changes.length > 1 ? ` (and ${diff.changes.length - 1} more)` : '';
    if (diff.breaksSameVersion) {
      problems.push(problem('breaking-change', 'error', `/eventTypes/${at}/payload`,
        `${type.name} v${type.version}: breaking change (${first!.breaks}) since ${baseline.label} at ${first!.path}: ${first!.message}${more}; raise its version and add an upcaster, or undo the change`, type.id));
    } else if (diff.oldVersion !== undefined && diff.newVersion !== undefined && diff.newVersion > diff.oldVersion) {
      const history = new Set((type.history ?? []).map((h) => h.version));
      const missing = [];
      for (let v = diff.oldVersion; v < diff.newVersion; v++) if (!history.has(v)) missing.push(v);
      if (missing.length > 0) {
        problems.push(problem('missing-upcaster', 'warning', `/eventTypes/${at}/history`,
          `${type.name}: v${diff.newVersion} breaks ${first!.breaks} compatibility with v${diff.oldVersion} (${first!.path}: ${first!.message}); add an upcaster from v${missing[0]} so stored events can be replayed`, type.id));
      }
    }
  }
  return problems;
}
