import { explainStep, type FlowDocument, type TraceRecord } from '../../../core';
import type { RunTransaction } from '../../../canvas/runOverlayStore';

/**
 * The boundary the canvas draws for a micro-step: the producer, consumer and projection cards whose
 * rows its one local transaction wrote (event types hold no rows), and what it wrote. Null when the
 * step committed nothing (a publish, a delivery, an ack, a crash) or is from an older run. Pure.
 */
export function runTransactionOf(flow: FlowDocument, step: TraceRecord | undefined): RunTransaction | null {
  if (!step?.phase) return null;
  const { transaction } = explainStep(step.phase);
  if (!transaction) return null;
  const stores = new Set([...flow.producers, ...flow.consumers, ...flow.projections].map((n) => n.id));
  const nodeIds = step.nodeIds.filter((id) => stores.has(id));
  if (nodeIds.length === 0) return null;
  return { nodeIds, label: `one transaction: ${transaction.join(' · ')}`, step: step.step };
}
