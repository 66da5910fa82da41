import { describe, expect, it } from 'vitest';
import type { ReportSummaryRecord } from '../../../core';
import { downstreamText, rootCauseText, summaryText } from './AnomaliesPanel';

const names = (id: string) => ({ 'follow-center': 'follow-center', notifications: 'notifications', c1: 'Billing' }[id] ?? id);

describe('the Anomalies tab in plain words', () => {
  const report = (patch: Partial<ReportSummaryRecord>): ReportSummaryRecord => ({ runId: 'r', step: 1200, ok: true, broken: 0, info: 0, byKind: {}, groups: [], ...patch });

  it('given reports, when summed up, then broken, allowed and informational entries are counted apart', () => {
    expect(summaryText(report({}))).toBe('Checked at step 1,200: every invariant holds');
    expect(summaryText(report({ ok: true, info: 2 }))).toBe('Checked at step 1,200: every invariant holds, 2 informational');
    expect(summaryText(report({
      ok: false, broken: 1, info: 1,
      groups: [{ kind: 'dead-letter', severity: 'allowed', count: 3, firstAt: 4, rootCauses: [] }],
    }))).toBe('Checked at step 1,200: 1 broken invariant, 3 allowed, 1 informational');
  });

  it('given a root cause, when shown, then the node is named once', () => {
    expect(rootCauseText({ rootCause: { nodeId: 'follow-center', what: 'follow-center applied e-1 twice: it keeps no inbox' } }, names))
      .toBe('follow-center applied e-1 twice: it keeps no inbox');
    expect(rootCauseText({ rootCause: { nodeId: 'c1', what: 'the relay marked e-2 sent without publishing it' } }, names))
      .toBe('Billing: the relay marked e-2 sent without publishing it');
  });

  it('given what an entry caused downstream, when shown, then events are counted and nodes named', () => {
    expect(downstreamText({ affected: { eventIds: ['e-5', 'e-9'], nodeIds: ['follow-center', 'notifications'] } }, names)).toBe('2 events → follow-center, notifications');
    expect(downstreamText({ affected: { eventIds: [], nodeIds: ['notifications'] } }, names)).toBe('notifications');
    expect(downstreamText({ affected: { eventIds: [], nodeIds: [] } }, names)).toBe('—');
  });
});
