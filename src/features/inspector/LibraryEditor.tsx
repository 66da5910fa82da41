import { useState } from 'react';
import {
  addLibrarySchema, freshLibraryName, isSchemaObject, removeLibrarySchema, renameLibrarySchema, replaceLibrarySchema,
  schemaSummary, type FlowDocument, type JsonSchemaObject,
} from '../../core';
import { useAppStore } from '../../state/store';
import { CollapsibleItem, lists } from './controls';
import { NameInput } from './schema/NameInput';
import { RawSchemaTab } from './schema/RawSchemaTab';
import { SchemaEditor } from './schema/SchemaEditor';

/**
 * The design's schema library: shared schemas (an address, an amount of money) that payloads and
 * inputs pick as a type. Renaming one carries to every reference; removing one leaves its
 * references for the problems list to point at.
 */
export function LibraryEditor({ doc }: { doc: FlowDocument }) {
  const applyEdit = useAppStore((s) => s.applyEdit);
  const [open, setOpen] = useState<string | null>(null);
  const library = doc.schemaLibrary;
  return (
    <>
      {library.length === 0 && <div className="inspector-empty">No shared schemas yet. Add one, then pick it as a field’s type.</div>}
      {library.map((entry, index) => {
        const label = `Library schema ${index + 1}`;
        const isOpen = open === entry.name;
        const setSchema = (schema: JsonSchemaObject, key?: string) => applyEdit((d) => replaceLibrarySchema(d, entry.name, schema), key ? { coalesceKey: `library:${entry.name}:${key}` } : undefined);
        return (
          <CollapsibleItem key={index} label={label} index={index} count={library.length} open={isOpen}
            title={<>{entry.name} <span className="muted">{schemaSummary(entry.schema)}</span></>}
            onToggle={() => setOpen(isOpen ? null : entry.name)}
            onMove={(from, to) => applyEdit((d) => ({ ...d, schemaLibrary: lists.move(d.schemaLibrary, from, to) }))}
            onRemove={() => applyEdit((d) => removeLibrarySchema(d, entry.name))}>
            <div className="library-entry">
              <div className="library-entry__head">
                <NameInput label={`${label} name`} name={entry.name} taken={(name) => library.some((e) => e.name === name)}
                  onRename={(name) => {
                    if (name.trim() === '') return;
                    applyEdit((d) => renameLibrarySchema(d, entry.name, name), { coalesceKey: `library:${index}:name` });
                    setOpen(name);
                  }} />
              </div>
              {isSchemaObject(entry.schema) && (entry.schema.type === 'object' || entry.schema.properties !== undefined)
                ? <SchemaEditor noun="Property" label={`Library schema ${entry.name}`} schema={entry.schema} library={library} onChange={setSchema} />
                : <RawSchemaTab label={`Library schema ${entry.name}`} schema={isSchemaObject(entry.schema) ? entry.schema : {}} onChange={(schema) => setSchema(schema, 'raw')} />}
            </div>
          </CollapsibleItem>
        );
      })}
      <button type="button" className="tool-button add-button" onClick={() => {
        const name = freshLibraryName(doc, 'Schema');
        applyEdit((d) => addLibrarySchema(d, name, { type: 'object', properties: {} }));
        setOpen(name);
      }}>+ Add a shared schema</button>
    </>
  );
}
