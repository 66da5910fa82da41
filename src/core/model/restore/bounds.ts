import type { Scenario } from '../scenarioTypes';
import type { FlowDocument } from '../types';
import { describeValue, type RestoreError } from './ShapeChecker';

/**
 * The bounds a design must keep, checked on every restore (files, pasted text, stored rows) after
 * the structure: a value of the right type can still make no sense (a retry limit of −5 or 1e15,
 * a zoom of 0) or be too large to handle. The editor never produces a value outside them (its
 * inputs clamp to the same constants), so a design saved by the app always restores.
 */
export const DESIGN_BOUNDS = {
  /** Handling attempts after the first: 0 means no retry. */
  retryLimit: { min: 0, max: 1_000 },
  /** Instances of a consumer (a consumer group). */
  instances: { min: 1, max: 64 },
  /** Partitions of a partitioned subscription. */
  partitions: { min: 1, max: 1_024 },
  /** Messages an instance may hold unacknowledged. */
  prefetch: { min: 1, max: 10_000 },
  /** A row lock's lease, in engine steps. */
  lockLeaseSteps: { min: 1, max: 1_000_000 },
  /** An event type's schema version. */
  version: { min: 1, max: 1_000_000 },
  /** The saved canvas zoom (the canvas itself stays within 0.15–2). */
  zoom: { min: 0.05, max: 8 },
  /** A node position or viewport offset, either axis. */
  coordinate: { max: 1_000_000_000 },
  /** The step of an `increment` effect. */
  increment: { max: Number.MAX_SAFE_INTEGER },
  /** Nodes of one kind in a design. */
  nodesPerKind: 20_000,
  /** Properties of one schema, columns of a projection, enum values, commands of a producer, … */
  listItems: 20_000,
  /** How deep a payload or input schema may nest. */
  schemaDepth: 64,
  /** Characters of a name, id or description. */
  textLength: 1_000_000,
  /** Commands one given line or workload of a scenario fires (as many as Fire N and the Workload tab offer). */
  scenarioCommands: 100_000,
  /** Micro-steps a scenario may take before it counts as not settling. */
  scenarioSteps: 10_000_000,
} as const;

const count = (n: number) => n.toLocaleString('en');
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The checks every bound uses, adding to `errors`. */
function boundChecks(errors: RestoreError[]) {
  const fail = (path: string, expected: string, value: unknown) => {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
    errors.push({ path, message: `${name}: expected ${expected}, found ${describeValue(value)}` });
  };
  const within = (path: string, value: number, min: number, max: number, what: string) => {
    if (value < min || value > max) fail(path, `${what} from ${count(min)} to ${count(max)}`, value);
  };
  const list = (path: string, items: readonly unknown[], what: string, max: number = DESIGN_BOUNDS.listItems) => {
    if (items.length > max) errors.push({ path, message: `${path.slice(path.lastIndexOf('/') + 1)}: at most ${count(max)} ${what}, found ${count(items.length)}` });
  };
  const text = (path: string, value: string | undefined) => {
    if (value !== undefined && value.length > DESIGN_BOUNDS.textLength) {
      errors.push({ path, message: `${path.slice(path.lastIndexOf('/') + 1)}: at most ${count(DESIGN_BOUNDS.textLength)} characters, found ${count(value.length)}` });
    }
  };
  return { fail, within, list, text };
}

/** A scenario's bounds: what it fires and how long it may run, so that a file cannot make the app or CI fire a billion commands. */
function scenarioBounds(errors: RestoreError[], scenario: Scenario, at: string): void {
  const { within, list, text } = boundChecks(errors);
  text(`${at}/id`, scenario.id);
  text(`${at}/name`, scenario.name);
  list(`${at}/given/commands`, scenario.given.commands, 'commands');
  scenario.given.commands.forEach((command, j) => {
    if (command.count !== undefined) within(`${at}/given/commands/${j}/count`, command.count, 1, DESIGN_BOUNDS.scenarioCommands, 'a count');
  });
  const workload = scenario.given.workload;
  if (workload) {
    within(`${at}/given/workload/count`, workload.count, 1, DESIGN_BOUNDS.scenarioCommands, 'a count');
    list(`${at}/given/workload/mix`, workload.mix, 'shares');
  }
  if (scenario.when.maxSteps !== undefined) within(`${at}/when/maxSteps`, scenario.when.maxSteps, 1, DESIGN_BOUNDS.scenarioSteps, 'a step limit');
  list(`${at}/then/rows`, scenario.then.rows, 'rows');
}

/** Checks one structurally sound scenario (edited as JSON) against DESIGN_BOUNDS; pointers inside the scenario. */
export function checkScenarioBounds(scenario: Scenario): RestoreError[] {
  const errors: RestoreError[] = [];
  scenarioBounds(errors, scenario, '');
  return errors;
}

/** Checks a structurally sound document against DESIGN_BOUNDS. Pure; errors carry JSON pointers. */
export function checkBounds(doc: FlowDocument): RestoreError[] {
  const errors: RestoreError[] = [];
  const { fail, within, list, text } = boundChecks(errors);
  /** A payload or input schema: property counts, property names and enum lists, nesting depth. */
  const schema = (path: string, value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null) return;
    if (depth > DESIGN_BOUNDS.schemaDepth) {
      errors.push({ path, message: `${path.slice(path.lastIndexOf('/') + 1)}: nested deeper than ${DESIGN_BOUNDS.schemaDepth} levels` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, k) => schema(`${path}/${k}`, item, depth + 1));
      return;
    }
    for (const [keyword, sub] of Object.entries(value)) {
      const at = `${path}/${segment(keyword)}`;
      if (keyword === 'enum' && Array.isArray(sub)) list(at, sub, 'values');
      else if ((keyword === 'properties' || keyword === '$defs') && typeof sub === 'object' && sub !== null && !Array.isArray(sub)) {
        const names = Object.keys(sub);
        list(at, names, keyword === 'properties' ? 'properties' : 'definitions');
        for (const name of names) {
          text(`${at}/${segment(name)}`, name);
          schema(`${at}/${segment(name)}`, Object.getOwnPropertyDescriptor(sub, name)?.value, depth + 1);
        }
      } else if (typeof sub === 'object') schema(at, sub, depth + 1);
    }
  };
  const coordinate = (path: string, value: number) => {
    if (Math.abs(value) > DESIGN_BOUNDS.coordinate.max) fail(path, `a coordinate within ±${count(DESIGN_BOUNDS.coordinate.max)}`, value);
  };

  text('/name', doc.name);
  text('/description', doc.description);
  const kinds = [['eventTypes', doc.eventTypes], ['producers', doc.producers], ['consumers', doc.consumers], ['projections', doc.projections]] as const;
  for (const [kind, nodes] of kinds) {
    list(`/${kind}`, nodes, 'nodes of this kind', DESIGN_BOUNDS.nodesPerKind);
    nodes.forEach((node, i) => {
      text(`/${kind}/${i}/id`, node.id);
      text(`/${kind}/${i}/name`, node.name);
      text(`/${kind}/${i}/description`, node.description);
    });
  }
  doc.eventTypes.forEach((event, i) => {
    within(`/eventTypes/${i}/version`, event.version, DESIGN_BOUNDS.version.min, DESIGN_BOUNDS.version.max, 'a version');
    schema(`/eventTypes/${i}/payload`, event.payload, 0);
  });
  doc.producers.forEach((producer, i) => {
    list(`/producers/${i}/commands`, producer.commands, 'commands');
    producer.commands.forEach((command, j) => schema(`/producers/${i}/commands/${j}/input`, command.input, 0));
  });
  doc.consumers.forEach((consumer, i) => {
    within(`/consumers/${i}/retryLimit`, consumer.retryLimit, DESIGN_BOUNDS.retryLimit.min, DESIGN_BOUNDS.retryLimit.max, 'a retry limit');
    const optional = (name: 'instances' | 'prefetch' | 'lockLeaseSteps', what: string) => {
      const value = consumer[name];
      if (value !== undefined) within(`/consumers/${i}/${name}`, value, DESIGN_BOUNDS[name].min, DESIGN_BOUNDS[name].max, what);
    };
    optional('instances', 'a number of instances');
    optional('prefetch', 'a prefetch');
    optional('lockLeaseSteps', 'a lease in steps');
    consumer.handlers.forEach((handler, j) => {
      if (handler.delivery?.kind === 'partitioned') {
        within(`/consumers/${i}/handlers/${j}/delivery/partitions`, handler.delivery.partitions, DESIGN_BOUNDS.partitions.min, DESIGN_BOUNDS.partitions.max, 'a number of partitions');
      }
    });
    list(`/consumers/${i}/handlers`, consumer.handlers, 'handlers');
    consumer.handlers.forEach((handler, j) => handler.effects.forEach((effect, k) => {
      if (effect.kind === 'increment' && Math.abs(effect.by) > DESIGN_BOUNDS.increment.max) {
        fail(`/consumers/${i}/handlers/${j}/effects/${k}/by`, `a step within ±${count(DESIGN_BOUNDS.increment.max)}`, effect.by);
      }
    }));
  });
  doc.projections.forEach((projection, i) => list(`/projections/${i}/columns`, projection.columns, 'columns'));

  list('/scenarios', doc.scenarios ?? [], 'scenarios');
  (doc.scenarios ?? []).forEach((scenario, i) => scenarioBounds(errors, scenario, `/scenarios/${i}`));

  for (const [id, position] of Object.entries(doc.layout.positions)) {
    coordinate(`/layout/positions/${segment(id)}/x`, position.x);
    coordinate(`/layout/positions/${segment(id)}/y`, position.y);
  }
  const viewport = doc.layout.viewport;
  if (viewport) {
    within('/layout/viewport/zoom', viewport.zoom, DESIGN_BOUNDS.zoom.min, DESIGN_BOUNDS.zoom.max, 'a zoom');
    coordinate('/layout/viewport/x', viewport.x);
    coordinate('/layout/viewport/y', viewport.y);
  }
  return errors;
}
