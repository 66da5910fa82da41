import { useMemo, useState } from 'react';
import type { AnomalyKind, AnomalyRecord, ReportGroup, ReportSummaryRecord } from '../../../core';
import { anomalySource } from '../queries';
import { StatusPill, VirtualTable, type Column } from '../table/VirtualTable';

/** Entries are sentences: three lines each (the table's cells clamp at three, see simulation.css). */
const THREE_LINE_ROW_HEIGHT = 58;
import { nodeName, usePanelScope } from './PanelScope';

/** Plain words for each kind of report entry. */
export const KIND_WORDS: Record<AnomalyKind, string> = {
  lost: 'lost event',
  phantom: 'phantom event',
  missed: 'missed message',
  gap: 'gap',
  duplicate: 'harmful duplicate',
  repeat: 'harmless repeat',
  stale: 'stale overwrite',
  late: 'late, harmless',
  'stalled-outbox': 'stalled outbox',
  'dead-letter': 'dead letter',
  rejected: 'rejected command',
  'blocked-aggregate': 'blocked aggregate',
  unanswered: 'unanswered command',
  'rebuild-differs': 'differs from rebuild',
  'duplicate-side-effect': 'duplicate side effect',
  'duplicate-command': 'duplicate command effect',
  'version-clash': 'version clash',
  'lost-update': 'lost update',
  'key-order': 'key order broken',
  'lock-past-lease': 'lock held past its lease',
  'stale-cache': 'stale cache entry',
};

const tone = (severity: AnomalyRecord['severity']) => (severity === 'broken' ? 'bad' : severity === 'allowed' ? 'warn' : 'neutral');

/**
 * The invariant report, as the checker computed it from the run's tables: grouped by kind with
 * counts and root causes; pick a group to list its entries. A click follows an entry's event(s)
 * across every panel.
 */
export function AnomaliesPanel({ report }: { report: ReportSummaryRecord | undefined }) {
  const { db, runId, run, flow, eventId, selectEvent } = usePanelScope();
  const groups = useMemo(() => report?.groups ?? [], [report]);
  const [picked, setPicked] = useState<AnomalyKind | null>(null);
  const kind = picked && groups.some((g) => g.kind === picked) ? picked : (groups[0]?.kind ?? null);
  const source = useMemo(() => anomalySource(db, runId, kind ?? undefined), [db, runId, kind]);
  const columns = useMemo<Column<AnomalyRecord>[]>(() => [
    { key: 'message', header: 'What went wrong', width: 460, grow: true, wrap: true, render: (r) => r.message, title: (r) => r.message },
    {
      key: 'root', header: 'Root cause', headerTitle: 'The first node where it went wrong, and what went wrong there', width: 260, wrap: true,
      render: (r) => rootCauseText(r, (id) => nodeName(flow, id)),
      title: (r) => rootCauseText(r, (id) => nodeName(flow, id)),
    },
    {
      key: 'downstream', header: 'Downstream', headerTitle: 'Events it caused (following causation ids) and the nodes they reached', width: 190, wrap: true,
      render: (r) => downstreamText(r, (id) => nodeName(flow, id)),
      title: (r) => downstreamText(r, (id) => nodeName(flow, id)),
    },
    { key: 'at', header: 'Step', headerTitle: 'Step at which it happened', width: 64, render: (r) => r.at },
  ], [flow]);
  const checking = report === undefined || report.step !== run.step;
  return (
    <>
      <div className="panel-toolbar anomaly-groups" role="group" aria-label="Anomalies by kind">
        <span className="sim-hint" data-testid="sim.report-status">
          {report === undefined ? 'Checking the tables…' : summaryText(report)}{checking && report ? ' · checking again…' : ''}
        </span>
        {groups.map((g) => (
          <button
            key={g.kind}
            type="button"
            className={`anomaly-group${g.kind === kind ? ' is-picked' : ''}`}
            aria-pressed={g.kind === kind}
            onClick={() => setPicked(g.kind)}
            title={groupTitle(g, (id) => nodeName(flow, id))}
          >
            <StatusPill status={KIND_WORDS[g.kind]} tone={tone(g.severity)} />
            <strong>{g.count.toLocaleString('en')}</strong>
            <span className="anomaly-group-cause">root cause {g.rootCauses.slice(0, 2).map((c) => `${nodeName(flow, c.nodeId)}${g.rootCauses.length > 1 ? ` (${c.count})` : ''}`).join(', ')}{g.rootCauses.length > 2 ? ', …' : ''}</span>
          </button>
        ))}
      </div>
      <VirtualTable
        label="Anomalies"
        source={source}
        columns={columns}
        rowHeight={THREE_LINE_ROW_HEIGHT}
        rowId={(r) => r.id}
        isHighlighted={(r) => eventId !== null && r.eventIds.includes(eventId)}
        onRowClick={(r) => {
          const first = r.eventIds[0] ?? null;
          selectEvent(first === eventId ? null : first);
        }}
        emptyText={groups.length === 0
          ? 'No anomaly: every invariant holds. With the outbox, the inbox and derived ids on, faults cause retries and duplicates on the wire, but no lost event and no double effect.'
          : 'Pick a kind above.'}
      />
    </>
  );
}

/** "Checked at step 120: 3 broken invariants, 2 informational". Pure. */
export function summaryText(report: ReportSummaryRecord): string {
  const allowed = report.groups.filter((g) => g.severity === 'allowed').reduce((n, g) => n + g.count, 0);
  const parts = [report.ok ? 'every invariant holds' : `${report.broken.toLocaleString('en')} broken invariant${report.broken === 1 ? '' : 's'}`];
  if (allowed > 0) parts.push(`${allowed.toLocaleString('en')} allowed`);
  if (report.info > 0) parts.push(`${report.info.toLocaleString('en')} informational`);
  return `Checked at step ${report.step.toLocaleString('en')}: ${parts.join(', ')}`;
}

function groupTitle(g: ReportGroup, name: (id: string) => string): string {
  const severity = g.severity === 'broken' ? 'broken invariant' : g.severity === 'allowed' ? 'broken, allowed' : 'informational';
  return `${KIND_WORDS[g.kind]} (${severity}): ${g.count} — root causes: ${g.rootCauses.map((c) => `${name(c.nodeId)} ${c.count}`).join(', ')}`;
}

/** "follow-center: applied e-12 twice: it keeps no inbox", without naming the node twice. Pure. */
export function rootCauseText(r: Pick<AnomalyRecord, 'rootCause'>, name: (id: string) => string): string {
  const node = name(r.rootCause.nodeId);
  return r.rootCause.what.startsWith(node) ? r.rootCause.what : `${node}: ${r.rootCause.what}`;
}

/** "2 events → follow-center, notifications": what an entry caused downstream. Pure. */
export function downstreamText(r: Pick<AnomalyRecord, 'affected'>, name: (id: string) => string): string {
  const events = r.affected.eventIds.length;
  const nodes = r.affected.nodeIds.map(name).join(', ');
  if (events === 0) return nodes || '—';
  return `${events} event${events === 1 ? '' : 's'} → ${nodes || 'nobody yet'}`;
}
