import { useId, useState } from 'react';
import { eventPayloadPaths, type Consumer, type FlowDocument, type Handler, type Projection } from '../../core';
import { Section, SelectField } from './controls';
import {
  BOUNDS, CACHE_CHOICES, CONSUMER_CONCURRENCY, DELIVERY_CHOICES, PROJECTION_CONCURRENCY, cacheChoiceOf, deliveryChoiceOf, hintOf,
  orderingKeyOptions, orderingKeyProblem, parseWhole, withCache, withConsumerConcurrency, withConsumerNumber, withDeliveryChoice,
  withPartitioned, withProjectionConcurrency, type Bound, type CacheChoice, type ConcurrencyChoice, type DeliveryChoice,
} from './scaleSettings';

interface WholeNumberFieldProps {
  label: string;
  /** A shorter text to show than the accessible name. */
  visibleLabel?: string;
  value: number;
  bound: Bound;
  onChange(value: number): void;
  /** One line under the field saying what it does. */
  hint?: string;
}

/**
 * A whole number within the design's bounds. A value outside them (or not a number) is shown with
 * what is wrong and not applied; the document keeps its last good value.
 */
export function WholeNumberField({ label, visibleLabel, value, bound, onChange, hint }: WholeNumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? undefined : parseWhole(draft, bound, label);
  const error = parsed && 'error' in parsed ? parsed.error : undefined;
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label htmlFor={id}>{visibleLabel ?? label}</label>
      <input id={id} type="number" inputMode="numeric" min={bound.min} max={bound.max} step={1} title={label}
        aria-label={visibleLabel === undefined ? undefined : label} value={draft ?? String(value)} aria-invalid={error !== undefined} aria-describedby={described}
        onChange={(e) => {
          const text = e.target.value;
          const result = parseWhole(text, bound, label);
          if ('value' in result) {
            setDraft(null);
            if (result.value !== value) onChange(result.value);
          } else setDraft(text);
        }} />
      {error && <span className="field-error" id={`${id}-error`} aria-live="polite">{error}</span>}
      {hint && <span className="inspector-hint scale-hint" id={`${id}-hint`}>{hint}</span>}
    </div>
  );
}

const asOptions = <T extends string>(choices: readonly { value: T; label: string }[]) => choices.map((c) => ({ value: c.value, label: c.label }));

/** A consumer's instances, prefetch, concurrency control and lock lease (issue 13). */
export function ConsumerScaleSection({ doc, node, update }: { doc: FlowDocument; node: Consumer; update(next: Consumer, key?: string): void }) {
  const concurrency: ConcurrencyChoice = node.concurrency ?? '';
  const written = new Set(node.handlers.flatMap((h) => h.effects.map((e) => e.projectionId)));
  const locks = concurrency === 'lock' || doc.projections.some((p) => written.has(p.id) && p.concurrency === 'lock');
  return (
    <Section title="Scale">
      <div className="form-grid">
        <WholeNumberField label="Instances" value={node.instances ?? 1} bound={BOUNDS.instances}
          onChange={(n) => update(withConsumerNumber(node, 'instances', n), 'instances')} />
        <WholeNumberField label="Prefetch" value={node.prefetch ?? 1} bound={BOUNDS.prefetch}
          onChange={(n) => update(withConsumerNumber(node, 'prefetch', n), 'prefetch')} />
      </div>
      <SelectField label="Concurrency control" value={concurrency} options={asOptions(CONSUMER_CONCURRENCY)} title={hintOf(CONSUMER_CONCURRENCY, concurrency)}
        onChange={(choice) => update(withConsumerConcurrency(node, choice as ConcurrencyChoice))} />
      <p className="inspector-hint scale-hint" data-testid="concurrency-hint">{hintOf(CONSUMER_CONCURRENCY, concurrency)}</p>
      {locks && (
        <WholeNumberField label="Lock lease (steps)" value={node.lockLeaseSteps ?? 50} bound={BOUNDS.lockLeaseSteps}
          hint="A lock whose holder died is free again this many steps after it was taken."
          onChange={(n) => update(withConsumerNumber(node, 'lockLeaseSteps', n), 'lockLeaseSteps')} />
      )}
    </Section>
  );
}

/** A subscription's delivery mode: none, partitioned (partitions and ordering key) or competing. */
export function DeliveryFields({ doc, label, handler, onChange }: { doc: FlowDocument; label: string; handler: Handler; onChange(next: Handler, key?: string): void }) {
  const choice = deliveryChoiceOf(handler);
  const delivery = handler.delivery;
  const paths = delivery?.kind === 'partitioned' ? eventPayloadPaths(doc, handler.eventTypeId) : [];
  const keyProblem = delivery?.kind === 'partitioned' ? orderingKeyProblem(paths, delivery.key) : undefined;
  return (
    <div className="scale-delivery" role="group" aria-label={`${label} delivery`}>
      <SelectField label={`${label} delivery mode`} visibleLabel="Delivery mode" value={choice} options={asOptions(DELIVERY_CHOICES)}
        title={hintOf(DELIVERY_CHOICES, choice)} onChange={(next) => onChange(withDeliveryChoice(handler, next as DeliveryChoice))} />
      <p className="inspector-hint scale-hint">{hintOf(DELIVERY_CHOICES, choice)}</p>
      {delivery?.kind === 'partitioned' && (
        <div className="form-grid">
          <WholeNumberField label={`${label} partitions`} visibleLabel="Partitions" value={delivery.partitions} bound={BOUNDS.partitions}
            onChange={(partitions) => onChange(withPartitioned({ ...handler, delivery }, { partitions }), 'partitions')} />
          <SelectField label={`${label} ordering key`} visibleLabel="Ordering key" value={delivery.key ?? ''}
            options={orderingKeyOptions(paths, delivery.key)} title="The value that picks a message's partition: messages with the same key stay in order"
            onChange={(key) => onChange(withPartitioned({ ...handler, delivery }, { key }))} />
        </div>
      )}
      {keyProblem && <p className="field-error" role="alert">{keyProblem}</p>}
    </div>
  );
}

/** A projection's concurrency override and cache-aside. */
export function ProjectionScaleSection({ node, update }: { node: Projection; update(next: Projection, key?: string): void }) {
  const concurrency: ConcurrencyChoice = node.concurrency ?? '';
  const cache = cacheChoiceOf(node);
  return (
    <Section title="Concurrency and cache">
      <SelectField label="Concurrency control of its rows" value={concurrency} options={asOptions(PROJECTION_CONCURRENCY)}
        title={hintOf(PROJECTION_CONCURRENCY, concurrency)} onChange={(choice) => update(withProjectionConcurrency(node, choice as ConcurrencyChoice))} />
      <p className="inspector-hint scale-hint">{hintOf(PROJECTION_CONCURRENCY, concurrency)}</p>
      <SelectField label="Cache" value={cache} options={asOptions(CACHE_CHOICES)} title={hintOf(CACHE_CHOICES, cache)}
        onChange={(choice) => update(withCache(node, choice as CacheChoice))} />
      <p className="inspector-hint scale-hint">{hintOf(CACHE_CHOICES, cache)}</p>
    </Section>
  );
}
