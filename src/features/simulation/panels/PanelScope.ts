import { createContext, useContext } from 'react';
import { findNode, type FlowDocument, type RunRecord } from '../../../core';
import type { RunTables } from '../../../session';

/** What every panel reads from: the run, its design snapshot, and what the user picked. */
export interface PanelScope {
  /** The run's tables, for the read models of ../queries.ts (the session's). */
  db: RunTables;
  runId: string;
  run: RunRecord;
  /** The design as it was when the run started (never the one being edited). */
  flow: FlowDocument;
  /** The node the panels are filtered to, if one is selected on the canvas. */
  nodeId: string | null;
  /** The event followed through every table. */
  eventId: string | null;
  /** Show only the followed event's rows. */
  onlyEvent: boolean;
  selectEvent(eventId: string | null): void;
}

export const PanelScopeContext = createContext<PanelScope | null>(null);

/** The scope of the enclosing simulation workspace. Throws outside one (a wiring mistake). */
export function usePanelScope(): PanelScope {
  const scope = useContext(PanelScopeContext);
  if (!scope) throw new Error('usePanelScope outside <SimulationWorkspace>');
  return scope;
}

/** The kind of a node id in a flow, or undefined when it is not one of its nodes (core's findNode). Pure. */
export function nodeKindOf(flow: FlowDocument, id: string | null) {
  return id === null ? undefined : findNode(flow, id)?.kind;
}

/** A node's display name in the run's design (its id when unknown). Pure. */
export function nodeName(flow: FlowDocument, id: string): string {
  return findNode(flow, id)?.name ?? id;
}

/**
 * Row behaviour of a table whose rows carry one event id: the followed event's rows are
 * highlighted, and a click follows the row's event (or lets go of it when it is already followed). Pure.
 */
export function followEventRows({ eventId, selectEvent }: Pick<PanelScope, 'eventId' | 'selectEvent'>) {
  return {
    isHighlighted: (row: { eventId: string }) => row.eventId === eventId,
    onRowClick: (row: { eventId: string }) => selectEvent(row.eventId === eventId ? null : row.eventId),
  };
}
