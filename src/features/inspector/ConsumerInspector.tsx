import { useState } from 'react';
import { DESIGN_BOUNDS, type Consumer, type EmittedIds, type FlowDocument, type PublishMode } from '../../core';
import { CheckboxField, CollapsibleItem, NumberField, Section, SelectField, TextField, lists } from './controls';
import { HandlerEditor } from './HandlerEditor';
import { ConsumerScaleSection } from './ScaleFields';
import { PUBLISH_MODE_HINT, PUBLISH_MODE_OPTIONS } from './ProducerInspector';
import { useNodeUpdater } from './useNodeUpdater';

const EMITTED_ID_OPTIONS = [
  { value: 'derived', label: 'Derived from the handled event (redelivery re-emits the same id)' },
  { value: 'fresh', label: 'Fresh per handling' },
];

/** Edits a consumer: name, description, inbox, retry limit (0 = no retry), publish mode, emitted ids, its scale settings (instances, prefetch, concurrency control, lock lease) and its handlers. */
export function ConsumerInspector({ doc, node }: { doc: FlowDocument; node: Consumer }) {
  const update = useNodeUpdater(node);
  const [openHandler, setOpenHandler] = useState(0);
  const handledIds = node.handlers.map((h) => h.eventTypeId);
  const subscribable = doc.eventTypes.filter((e) => !handledIds.includes(e.id));
  const setHandlers = (handlers: Consumer['handlers'], key?: string) => update({ ...node, handlers }, key);
  const nameOf = (id: string) => doc.eventTypes.find((e) => e.id === id)?.name ?? `${id} (missing)`;
  return (
    <>
      <Section title="Consumer">
        <TextField label="Name" value={node.name} onChange={(name) => update({ ...node, name }, 'name')} />
        <TextField label="Description" multiline value={node.description} onChange={(description) => update({ ...node, description }, 'description')} />
        <div className="form-grid">
          <CheckboxField label="Inbox (deduplicate)" checked={node.useInbox} title="Skip events whose id is already in the inbox"
            onChange={(useInbox) => update({ ...node, useInbox })} />
          <NumberField label="Retry limit" min={0} value={node.retryLimit}
            onChange={(retryLimit) => update({ ...node, retryLimit: Math.min(DESIGN_BOUNDS.retryLimit.max, Math.max(0, Math.round(retryLimit))) }, 'retryLimit')} />
        </div>
        <SelectField label="Publish mode (for emitted events)" value={node.publishMode} options={PUBLISH_MODE_OPTIONS} title={PUBLISH_MODE_HINT}
          onChange={(mode) => update({ ...node, publishMode: mode as PublishMode })} />
        <SelectField label="Ids of emitted events" value={node.emittedIds ?? 'derived'} options={EMITTED_ID_OPTIONS}
          title="Derived: from (consumer, handled event, emission), so a redelivery re-emits the same id and a downstream inbox recognises it. Fresh: a new id per handling, which no inbox downstream can recognise."
          onChange={(ids) => update({ ...node, emittedIds: ids as EmittedIds })} />
      </Section>
      <ConsumerScaleSection doc={doc} node={node} update={update} />
      <Section title="Handlers">
        {node.handlers.length === 0 && <div className="inspector-empty">Subscribed to nothing: connect an event to this consumer, or subscribe below.</div>}
        {node.handlers.map((handler, index) => {
          const label = `Handler ${index + 1}`;
          const open = openHandler === index;
          return (
            <CollapsibleItem key={`${handler.eventTypeId}-${index}`} title={`on ${nameOf(handler.eventTypeId)}`} open={open}
              onToggle={() => setOpenHandler(open ? -1 : index)} label={label} index={index} count={node.handlers.length}
              onMove={(from, to) => setHandlers(lists.move(node.handlers, from, to))}
              onRemove={(i) => setHandlers(lists.removeAt(node.handlers, i))}>
              <HandlerEditor doc={doc} label={label} handler={handler} handledIds={handledIds}
                onChange={(next, key) => setHandlers(lists.replaceAt(node.handlers, index, next), key)} />
            </CollapsibleItem>
          );
        })}
        {subscribable.length > 0 && (
          <SelectField compact label="Subscribe to an event" value=""
            options={[{ value: '', label: '+ Subscribe to…' }, ...subscribable.map((e) => ({ value: e.id, label: e.name }))]}
            onChange={(eventTypeId) => {
              if (!eventTypeId) return;
              setHandlers([...node.handlers, { eventTypeId, effects: [], emits: [] }]);
              setOpenHandler(node.handlers.length);
            }} />
        )}
      </Section>
    </>
  );
}
