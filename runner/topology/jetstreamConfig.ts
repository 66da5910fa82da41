/**
 * The JetStream configuration of a plan, as the JSON the JetStream API takes (the same objects the
 * runner sends with `jsm.streams.add` / `jsm.consumers.add`, and what `export-infra` writes). Pure.
 *
 * - One stream per channel (an event type, or the aggregate base type its subtypes share, so that
 *   one aggregate's events stay in one ordered stream), retention `limits` so the whole history stays
 *   readable for the report, `duplicate_window` for the relay's `Nats-Msg-Id` dedupe.
 * - Durable pull consumers per consumer group (and per partition in partitioned mode), explicit
 *   acks, `ack_wait`, `max_deliver` = 1 + retry limit.
 * - Dead letters: JetStream announces a message that reached `max_deliver` with an advisory on
 *   `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.<stream>.<consumer>`; a stream keeps those
 *   advisories and the dead-letter forwarder copies each original message to `<ns>.dead.<consumer>`,
 *   kept by the dead-letter stream.
 */
import type { InfraPlan } from './plan';

const NANOS_PER_MS = 1_000_000;

export interface StreamJson {
  name: string;
  subjects: string[];
  retention: 'limits';
  storage: 'file' | 'memory';
  discard: 'old';
  num_replicas: 1;
  duplicate_window: number;
  description: string;
}

export interface ConsumerJson {
  stream: string;
  config: {
    durable_name: string;
    description: string;
    ack_policy: 'explicit';
    deliver_policy: 'all';
    replay_policy: 'instant';
    ack_wait: number;
    max_deliver: number;
    max_ack_pending: number;
    filter_subject: string;
  };
}

export interface JetStreamConfig {
  streams: StreamJson[];
  consumers: ConsumerJson[];
}

/** The advisory subject JetStream uses when a message of `stream` reached max_deliver on any consumer. */
export function maxDeliveriesSubject(stream: string): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.*`;
}

/** Streams and durable consumers of the plan. Pure. */
export function jetStreamConfig(plan: InfraPlan): JetStreamConfig {
  const window = 120_000 * NANOS_PER_MS;
  const streams: StreamJson[] = plan.channels.map((channel) => ({
    name: channel.stream,
    subjects: [`${channel.subjectPrefix}.>`],
    retention: 'limits',
    storage: 'file',
    discard: 'old',
    num_replicas: 1,
    duplicate_window: window,
    description: `channel ${channel.name}: ${channel.partitions} partition(s) by ordering key; subjects ${channel.subjectPrefix}.p<partition>.<EventType>`,
  }));
  streams.push(
    {
      name: plan.advisories.stream,
      subjects: plan.channels.map((c) => maxDeliveriesSubject(c.stream)),
      retention: 'limits', storage: 'file', discard: 'old', num_replicas: 1, duplicate_window: window,
      description: 'max-deliveries advisories: each one names a message that is to become a dead letter',
    },
    {
      name: plan.deadLetters.stream,
      subjects: [`${plan.deadLetters.subjectPrefix}.>`],
      retention: 'limits', storage: 'file', discard: 'old', num_replicas: 1, duplicate_window: window,
      description: `dead letters: ${plan.deadLetters.subjectPrefix}.<consumer>, the original message with its stream, sequence and deliveries in headers`,
    },
    {
      name: plan.externalEffects.stream,
      subjects: [`${plan.externalEffects.subjectPrefix}.>`],
      retention: 'limits', storage: 'file', discard: 'old', num_replicas: 1, duplicate_window: window,
      description: 'stands in for the outside world (a mail server, an API): one message per external side effect a consumer made; no dedupe, like the real world',
    },
  );
  const consumers: ConsumerJson[] = plan.consumers.flatMap((consumer) =>
    consumer.durables.map((d) => ({
      stream: d.stream,
      config: {
        durable_name: d.durable,
        description: `${consumer.name}${d.partition === undefined ? ' (competing instances)' : ` partition ${d.partition} (instance ${(d.instance ?? 0) + 1})`}`,
        ack_policy: 'explicit' as const,
        deliver_policy: 'all' as const,
        replay_policy: 'instant' as const,
        ack_wait: plan.ackWaitMs * NANOS_PER_MS,
        max_deliver: consumer.maxDeliver,
        max_ack_pending: d.maxAckPending,
        filter_subject: d.filterSubject,
      },
    })));
  consumers.push({
    stream: plan.advisories.stream,
    config: {
      durable_name: plan.advisories.durable,
      description: 'the dead-letter forwarder',
      ack_policy: 'explicit', deliver_policy: 'all', replay_policy: 'instant',
      ack_wait: plan.ackWaitMs * NANOS_PER_MS, max_deliver: -1, max_ack_pending: 16, filter_subject: '$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.>',
    },
  });
  return { streams, consumers };
}
