/**
 * The findings of a design's version histories alone (no baseline needed): gaps in a history, and
 * entries not older than the current version. Apart from the baseline comparison so that the
 * problems list can show these on the first visit while the comparison (contract planning and
 * compatibility rules) loads on first need. Pure.
 */
import type { Problem } from '../model/validation/problems';
import type { FlowDocument } from '../model/types';

/** The compatibility mode a design asks for (backward unless it says otherwise). */
export const compatibilityOf = (doc: FlowDocument) => doc.evolution?.compatibility ?? 'backward';

/** Whether the design has a baseline to compare its contracts with (and a mode that compares). */
export const hasBaselineCheck = (doc: FlowDocument) => doc.evolution?.baseline !== undefined && compatibilityOf(doc) !== 'none';

export const evolutionProblem = (code: Problem['code'], severity: Problem['severity'], path: string, message: string, nodeId: string): Problem =>
  ({ code, severity, path, message, nodeId });

/** Version-history problems of a design. Pure. */
export function versionHistoryProblems(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  for (const [i, type] of doc.eventTypes.entries()) {
    const versions = new Set((type.history ?? []).map((h) => h.version));
    for (let v = Math.min(type.version, ...versions); v < type.version; v++) {
      if (versions.size > 0 && !versions.has(v)) {
        problems.push(evolutionProblem('version-history-gap', 'warning', `/eventTypes/${i}/history`,
          `${type.name}: version ${v} is missing from its history, so events of older versions cannot be brought to v${type.version}: add an upcaster for v${v}`, type.id));
        break;
      }
    }
    for (const entry of type.history ?? []) {
      if (entry.version >= type.version) {
        problems.push(evolutionProblem('version-history-gap', 'warning', `/eventTypes/${i}/history`,
          `${type.name}: its history has a version ${entry.version}, not older than the current v${type.version}`, type.id));
      }
    }
  }
  return problems;
}
