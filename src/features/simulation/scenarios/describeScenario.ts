import type { FlowDocument, Scenario } from '../../../core';

const FAULT_LABELS = new Map<string, string>([
  ['crashBeforeCommit', 'crash before commit'], ['crashAfterCommit', 'crash after commit'], ['crashAfterPublish', 'relay crash after publish'],
  ['crashAfterHandle', 'consumer crash after handle'], ['duplicateDelivery', 'duplicate delivery'], ['reorder', 'reorder'],
  ['consumerFailure', 'consumer failure'], ['killInstance', 'instance kill'],
]);
const SWITCH_LABELS = new Map<string, [string, string]>([
  ['outbox', ['outbox', 'dual write']], ['publishFirst', ['publish first', 'commit first']], ['inbox', ['inbox on', 'inbox off']],
  ['derivedIds', ['derived ids', 'fresh ids']], ['idempotencyKey', ['idempotency keys', 'no idempotency keys']],
]);

const nameOf = (doc: FlowDocument, id: string) =>
  [...doc.producers, ...doc.consumers, ...doc.projections].find((n) => n.id === id)?.name ?? id;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** "2 commands · workload of 100", in words. */
export function describeGiven(scenario: Scenario): string {
  const commands = scenario.given.commands.reduce((sum, c) => sum + (c.count ?? 1), 0);
  const parts = [commands > 0 ? plural(commands, 'command') : ''];
  if (scenario.given.workload) parts.push(`workload of ${scenario.given.workload.count.toLocaleString('en')} (${plural(scenario.given.workload.mix.length, 'command')} mixed)`);
  return parts.filter(Boolean).join(' + ') || 'nothing fired';
}

/** "seed 7 · duplicate delivery 100% · follow-center: inbox off". */
export function describeWhen(doc: FlowDocument, scenario: Scenario): string {
  const { when } = scenario;
  const parts = [`seed ${when.seed}`];
  for (const [key, value] of Object.entries(when.faults ?? {})) {
    if (key === 'instanceDownSteps') continue;
    if (typeof value === 'number' && value > 0) parts.push(`${FAULT_LABELS.get(key) ?? key} ${Math.round(value * 100)}%`);
    else if (key === 'poisonValue' && typeof value === 'string') parts.push(`poison “${value}”`);
    else if (key === 'relayDown' && value && typeof value === 'object') parts.push(`relay down ${(value as { steps: number }).steps} steps`);
  }
  // Issue 13: instance faults and the run's remedies (counts and names, not probabilities).
  if (when.faults?.instanceDownSteps !== undefined) parts.push(`killed instances down ${plural(when.faults.instanceDownSteps, 'step')}`);
  for (const slow of when.faults?.slowInstances ?? []) parts.push(`${slow.instance} slow ×${slow.factor}`);
  for (const [id, n] of Object.entries(when.instances ?? {})) parts.push(`${nameOf(doc, id)}: ${plural(n, 'instance')}`);
  for (const [id, control] of Object.entries(when.concurrency ?? {})) parts.push(`${nameOf(doc, id)}: ${control === 'none' ? 'no concurrency control' : control}`);
  for (const [id, on] of Object.entries(when.cacheLeases ?? {})) parts.push(`${nameOf(doc, id)}: cache leases ${on ? 'on' : 'off'}`);
  for (const [pattern, switches] of Object.entries(when.patterns ?? {})) {
    const labels = SWITCH_LABELS.get(pattern);
    for (const [id, on] of Object.entries(switches ?? {})) parts.push(`${nameOf(doc, id)}: ${labels ? labels[on ? 0 : 1] : `${pattern} ${on ? 'on' : 'off'}`}`);
  }
  return parts.join(' · ');
}

/** "2 rows · expects lost · allows rebuild-differs · 1 count". */
export function describeThen(scenario: Scenario): string {
  const { then } = scenario;
  const parts = [plural(then.rows.length, 'row')];
  if (then.expectAnomalies.length > 0) parts.push(`expects ${then.expectAnomalies.join(', ')}`);
  else parts.push('no broken invariant');
  if (then.allowAnomalies.length > 0) parts.push(`allows ${then.allowAnomalies.join(', ')}`);
  if (then.counts?.length) parts.push(plural(then.counts.length, 'count'));
  return parts.join(' · ');
}
