/**
 * The dead-letter forwarder: reads JetStream's max-deliveries advisories (kept in a stream, so none
 * is missed while this process is down), fetches each original message by its stream sequence and
 * publishes it to `<ns>.dead.<consumer>` with where it came from in headers. The copy carries a
 * `Nats-Msg-Id`, so a forwarder killed between publish and ack does not file the same letter twice.
 */
import { headers } from 'nats';
import { streamName } from '../topology/names';
import { describe, sleep, type ProcessContext } from './processContext';

interface MaxDeliveriesAdvisory {
  stream: string;
  consumer: string;
  stream_seq: number;
  deliveries: number;
}

/** The design's consumer id of a durable name, from the plan. */
function consumerOfDurable(ctx: ProcessContext, durable: string): string | undefined {
  return ctx.plan.consumers.find((c) => c.durables.some((d) => d.durable === durable))?.id;
}

export async function runDeadLetterForwarder(ctx: ProcessContext): Promise<void> {
  const { advisories, deadLetters } = ctx.plan;
  while (!ctx.stopping) {
    try {
      const consumer = await ctx.js.consumers.get(advisories.stream, advisories.durable);
      while (!ctx.stopping) {
        const msg = await consumer.next({ expires: 1000 });
        if (!msg) continue;
        const advisory = msg.json<MaxDeliveriesAdvisory>();
        const consumerId = consumerOfDurable(ctx, advisory.consumer);
        if (!consumerId) {
          msg.term();
          continue;
        }
        const original = await ctx.jsm.streams.getMessage(advisory.stream, { seq: advisory.stream_seq });
        const h = headers();
        h.set('efd-consumer', consumerId);
        h.set('efd-durable', advisory.consumer);
        h.set('efd-stream', advisory.stream);
        h.set('efd-stream-seq', String(advisory.stream_seq));
        h.set('efd-deliveries', String(advisory.deliveries));
        h.set('efd-subject', original.subject);
        await ctx.js.publish(`${deadLetters.subjectPrefix}.${streamName(consumerId)}`, original.data, {
          headers: h,
          msgID: `dead:${advisory.stream}:${advisory.stream_seq}:${advisory.consumer}`,
        });
        ctx.log('dead-letter', `${consumerId}: message ${advisory.stream} #${advisory.stream_seq} after ${advisory.deliveries} deliveries`);
        await msg.ackAck();
      }
    } catch (error) {
      if (ctx.stopping) return;
      ctx.log('forwarder-failed', `${describe(error)}; retrying`);
      await sleep(200);
    }
  }
}
