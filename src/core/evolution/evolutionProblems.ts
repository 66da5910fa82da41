/**
 * The schema-evolution findings of the problems list: a breaking change on an unchanged version
 * number (against the design's baseline: the last export, or a design the user chose), a version
 * raised past a breaking change with no upcaster to bring old events forward, and gaps in a
 * version history. Pure.
 */
import type { Problem } from '../model/validation/problems';
import type { FlowDocument } from '../model/types';
import { baselineSnapshot, contractsOf, diffContracts } from './diffDesigns';

/** The compatibility mode a design asks for (backward unless it says otherwise). */
export const compatibilityOf = (doc: FlowDocument) => doc.evolution?.compatibility ?? 'backward';

const problem = (code: Problem['code'], severity: Problem['severity'], path: string, message: string, nodeId: string): Problem =>
  ({ code, severity, path, message, nodeId });

/** Evolution problems of a design (see the module comment). Pure. */
export function evolutionProblems(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const index = new Map(doc.eventTypes.map((t, i) => [t.id, i]));
  for (const [i, type] of doc.eventTypes.entries()) {
    const versions = new Set((type.history ?? []).map((h) => h.version));
    for (let v = Math.min(type.version, ...versions); v < type.version; v++) {
      if (versions.size > 0 && !versions.has(v)) {
        problems.push(problem('version-history-gap', 'warning', `/eventTypes/${i}/history`,
          `${type.name}: version ${v} is missing from its history, so events of older versions cannot be brought to v${type.version}: add an upcaster for v${v}`, type.id));
        break;
      }
    }
    for (const entry of type.history ?? []) {
      if (entry.version >= type.version) {
        problems.push(problem('version-history-gap', 'warning', `/eventTypes/${i}/history`,
          `${type.name}: its history has a version ${entry.version}, not older than the current v${type.version}`, type.id));
      }
    }
  }
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
