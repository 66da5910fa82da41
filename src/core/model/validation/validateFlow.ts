import type { FlowDocument } from '../types';
import { checkEmitCycles } from './checkEmitCycles';
import { checkEventTypes } from './checkEventTypes';
import { checkMappings } from './checkMappings';
import { checkNodeNames } from './checkNames';
import { checkLibrary } from './checkPayloads';
import { checkScale } from './checkScale';
import { checkServices } from './checkServices';
import { ProblemSink, type Problem } from './problems';

/**
 * Every problem of a design, each with a code, a severity, a message in words and a JSON pointer
 * to where it is: missing producers or subscriptions, unknown references, mappings that name
 * paths, columns or inputs that do not exist, unmapped required values, duplicate or empty names,
 * emit and inheritance cycles, bad keys, enums, versions and retry limits, payload schemas that are
 * malformed, contradictory, refer outside the schema library or clash with the envelope. Pure; never throws on
 * a structurally valid document (restore one with `restoreFlowDocument` first).
 */
export function validateFlow(doc: FlowDocument): Problem[] {
  const sink = new ProblemSink(doc);
  checkNodeNames(sink);
  checkLibrary(sink);
  checkEventTypes(sink);
  checkServices(sink);
  checkScale(sink);
  checkMappings(sink);
  checkEmitCycles(sink);
  return sink.problems;
}
