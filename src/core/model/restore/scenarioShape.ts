import { SCENARIO_ANOMALY_KINDS, SCENARIO_COUNT_TABLES, type Scenario } from '../scenarioTypes';
import { pointerSegment } from '../validation/problems';
import { checkScenarioBounds } from './bounds';
import {
  bool, finiteNumber, integer, listOf, oneOf, recordOf, shape, ShapeChecker, text, type Check,
} from './ShapeChecker';

/** Scenarios (optional, format 2): mirrors `$defs/scenario` of docs/flow-document.schema.json. */

const probability: Check = (c, v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) c.fail(p, 'a probability between 0 and 1', v);
};
const count: Check = (c, v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) c.fail(p, 'a whole number ≥ 0', v);
};
const positive: Check = (c, v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) c.fail(p, 'a whole number ≥ 1', v);
};
const atLeastTwo: Check = (c, v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 2) c.fail(p, 'a whole number ≥ 2', v);
};
const nullable = (check: Check): Check => (c, v, p) => { if (v !== null) check(c, v, p); };
const anyObject: Check = (c, v, p) => { c.object(v, p); };
const kinds = listOf(oneOf(SCENARIO_ANOMALY_KINDS));

const faults = shape({
  'crashBeforeCommit?': probability, 'crashAfterCommit?': probability, 'crashAfterPublish?': probability,
  'crashAfterHandle?': probability, 'duplicateDelivery?': probability, 'reorder?': probability, 'consumerFailure?': probability,
  'poisonValue?': nullable(text), 'relayDown?': nullable(shape({ fromStep: count, steps: count })),
  'killInstance?': probability, 'instanceDownSteps?': positive,
  'slowInstances?': listOf(shape({ instance: text, factor: atLeastTwo })),
});
const switches = recordOf(bool);
const patterns = shape({
  'outbox?': switches, 'publishFirst?': switches, 'inbox?': switches, 'derivedIds?': switches, 'idempotencyKey?': switches,
});

const command = shape({ producerId: text, commandId: text, 'input?': anyObject, 'count?': positive });
const workload = shape({ count: positive, mix: listOf(shape({ producerId: text, commandId: text, weight: finiteNumber })) });
const when = shape({
  seed: integer, 'faults?': faults, 'patterns?': patterns, 'instances?': recordOf(positive), 'concurrency?': recordOf(oneOf(['none', 'optimistic', 'lock', 'single-writer'])),
  'cacheLeases?': switches, 'ackTimeoutSteps?': positive, 'callerRetries?': count,
  'conflictRetries?': count, 'maxSteps?': positive,
});
const row = shape({ projectionId: text, key: text, 'values?': anyObject, 'absent?': bool });
const then = shape({
  'rows?': listOf(row), 'expectAnomalies?': kinds, 'allowAnomalies?': kinds,
  'counts?': listOf(shape({ table: oneOf(SCENARIO_COUNT_TABLES), equals: count })),
});

export const scenarioShape: Check = shape({
  id: text, name: text, 'given?': shape({ 'commands?': listOf(command), 'workload?': workload }), 'when?': when, 'then?': then,
});

/** Duplicate scenario ids, at JSON pointers (names may repeat; ids are what the app edits by). */
export function checkScenarioIds(scenarios: readonly { id: string }[]): { path: string; message: string }[] {
  const seen = new Set<string>();
  const errors: { path: string; message: string }[] = [];
  scenarios.forEach((s, i) => {
    if (seen.has(s.id)) errors.push({ path: `/scenarios/${i}/${pointerSegment('id')}`, message: `id: '${s.id}' is used by another scenario too` });
    seen.add(s.id);
  });
  return errors;
}

type LooseScenario = Partial<Omit<Scenario, 'given' | 'then'>> & {
  given?: Partial<Scenario['given']>; then?: Partial<Scenario['then']>;
};

/** Fills a structurally sound scenario's defaults: no commands, seed 1, no expectation lists, each command count 1. */
export function withScenarioDefaults(input: LooseScenario & { id: string; name: string }): Scenario {
  const given = input.given ?? {};
  const then = input.then ?? {};
  return {
    ...input,
    given: {
      ...given,
      commands: (given.commands ?? []).map((c) => ({ ...c, count: c.count ?? 1 })),
    },
    when: input.when ?? { seed: 1 },
    then: { ...then, rows: then.rows ?? [], expectAnomalies: then.expectAnomalies ?? [], allowAnomalies: then.allowAnomalies ?? [] },
  };
}

/** Checks one scenario (e.g. edited as JSON in the app) and fills its defaults; errors have JSON pointers inside the scenario. */
export function restoreScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: { path: string; message: string }[] } {
  let value: unknown;
  try {
    value = JSON.parse(JSON.stringify(input)) as unknown;
  } catch {
    return { ok: false, errors: [{ path: '', message: 'The scenario is not plain JSON data' }] };
  }
  const checker = new ShapeChecker();
  scenarioShape(checker, value, '');
  if (checker.errors.length > 0) return { ok: false, errors: checker.errors.slice(0, 20) };
  const scenario = withScenarioDefaults(value as Scenario);
  const outOfBounds = checkScenarioBounds(scenario);
  if (outOfBounds.length > 0) return { ok: false, errors: outOfBounds.slice(0, 20) };
  return { ok: true, scenario };
}
