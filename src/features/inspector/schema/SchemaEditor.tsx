import { useMemo, useRef, useState } from 'react';
import {
  addProperty, freshPropertyName, hasOwn, isSameOrUnder, isSchemaObject, moveProperty, rebasePath, removeProperty, renameProperty, replaceSchemaAt,
  schemaAt, setPropertyRequired, propertyLocation, type JsonSchemaObject, type SchemaDefinition,
} from '../../../core';
import { PropertyDetails } from './PropertyDetails';
import { RawSchemaTab } from './RawSchemaTab';
import { SchemaTree } from './SchemaTree';
import type { RowCommands } from './SchemaTreeRow';
import { treeRows, type TreeRow } from './treeRows';
import { withTypeChoice } from './typeChoice';

interface SchemaEditorProps {
  /** "Field" or "Input": every accessible name starts with it ("Field 2.1 name"). */
  noun: string;
  /** The region's name, e.g. "Payload of OrderPlaced". */
  label: string;
  schema: JsonSchemaObject;
  library: readonly SchemaDefinition[];
  onChange(schema: JsonSchemaObject, coalesceKey?: string): void;
}

type Tab = 'tree' | 'raw';

/**
 * Edits a payload (or input) JSON Schema as a tree: add a field at the top or inside an object
 * or an array of objects, rename, reorder (buttons or Alt+↑/↓), change the type (simple types,
 * null, a library schema), mark required, and open a row's details for its constraints. What the
 * tree cannot show is kept and edited in the JSON Schema tab, validated as it is typed.
 */
export function SchemaEditor({ noun, label, schema, library, onChange }: SchemaEditorProps) {
  const [tab, setTab] = useState<Tab>('tree');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const rows = useMemo(() => treeRows(schema, collapsed), [schema, collapsed]);
  const libraryNames = useMemo(() => library.map((entry) => entry.name), [library]);
  const current = useRef(schema);
  current.current = schema;

  const commands = useMemo((): RowCommands => {
    const edit = (next: JsonSchemaObject, key?: string) => onChange(next, key);
    const follow = (from: string, to: string) => {
      setSelected((s) => (s !== null && isSameOrUnder(s, from) ? rebasePath(s, from, to) : s));
      setCollapsed((c) => new Set([...c].map((l) => rebasePath(l, from, to))));
    };
    return {
      rename(row, name) {
        edit(renameProperty(current.current, row.parent, row.name, name), `tree:${row.parent}#${row.index}:name`);
        follow(row.location, propertyLocation(row.parent, name));
      },
      retype(row, choice) { edit(replaceSchemaAt(current.current, row.location, withTypeChoice(row.schema, choice))); },
      require(row, required) { edit(setPropertyRequired(current.current, row.parent, row.name, required)); },
      move(row, to) { edit(moveProperty(current.current, row.parent, row.name, to)); },
      remove(row) {
        edit(removeProperty(current.current, row.parent, row.name));
        setSelected((s) => (s !== null && isSameOrUnder(s, row.location) ? null : s));
      },
      addChild(row) {
        if (row.childrenAt === undefined) return;
        const holder = schemaAt(current.current, row.childrenAt);
        const name = freshPropertyName(holder);
        edit(addProperty(current.current, row.childrenAt, name, { type: 'string' }));
        setCollapsed((c) => new Set([...c].filter((l) => l !== row.location)));
      },
      toggle(row) {
        setCollapsed((c) => {
          const next = new Set(c);
          if (next.has(row.location)) next.delete(row.location);
          else next.add(row.location);
          return next;
        });
      },
      select(row) { setSelected((s) => (s === row.location ? null : row.location)); },
      setEnum(row, values) {
        if (!isSchemaObject(row.schema)) return;
        edit(replaceSchemaAt(current.current, row.location, { ...row.schema, enum: values }), `tree:${row.location}:enum`);
      },
      taken(row, name) {
        const holder = schemaAt(current.current, row.parent);
        return isSchemaObject(holder) && isSchemaObject(holder.properties) && hasOwn(holder.properties, name) && name !== row.name;
      },
    };
  }, [onChange]);

  const selectedRow: TreeRow | undefined = selected === null ? undefined : rows.find((row) => row.location === selected);
  return (
    <div className="schema-editor" role="region" aria-label={label}>
      <div className="schema-editor__tabs" role="tablist" aria-label={`${label}: view`}>
        <button type="button" role="tab" aria-selected={tab === 'tree'} className="schema-editor__tab" onClick={() => setTab('tree')}>Tree</button>
        <button type="button" role="tab" aria-selected={tab === 'raw'} className="schema-editor__tab" onClick={() => setTab('raw')}>JSON Schema</button>
      </div>
      {tab === 'raw' ? (
        <RawSchemaTab label={label} schema={schema} onChange={(next) => onChange(next, `raw:${label}`)} />
      ) : (
        <>
          {rows.length === 0 && <div className="inspector-empty">No {noun.toLowerCase()}s yet.</div>}
          {rows.length > 0 && (
            <div className="schema-tree__legend" aria-hidden="true"><span>Name</span><span>Type</span><span title="Required">Req.</span></div>
          )}
          {rows.length > 0 && <SchemaTree label={`${label}: ${noun.toLowerCase()}s`} rows={rows} noun={noun} selected={selected} libraryNames={libraryNames} commands={commands} />}
          <button type="button" className="tool-button add-button"
            onClick={() => onChange(addProperty(schema, '', freshPropertyName(schema), { type: 'string' }))}>
            + Add {noun.toLowerCase()}
          </button>
          {selectedRow && (
            <PropertyDetails key={selectedRow.location} noun={noun} row={selectedRow} libraryNames={libraryNames}
              onChange={(next, key) => onChange(replaceSchemaAt(schema, selectedRow.location, next), key && `details:${selectedRow.location}:${key}`)}
              onClose={() => setSelected(null)} onRawTab={() => setTab('raw')} />
          )}
        </>
      )}
    </div>
  );
}
