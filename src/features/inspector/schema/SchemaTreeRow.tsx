import { memo, type KeyboardEvent } from 'react';
import type { JsonSchemaObject } from '../../../core';
import { CheckboxField, RowActions, SelectField } from '../controls';
import { EnumValuesField } from './EnumValuesField';
import { NameInput } from './NameInput';
import type { TreeRow } from './treeRows';
import { typeChoiceOf, typeOptions } from './typeChoice';

/** What a row can ask the tree to do; each names the row by its location. */
export interface RowCommands {
  rename(row: TreeRow, name: string): void;
  retype(row: TreeRow, choice: string): void;
  require(row: TreeRow, required: boolean): void;
  move(row: TreeRow, to: number): void;
  remove(row: TreeRow): void;
  addChild(row: TreeRow): void;
  toggle(row: TreeRow): void;
  select(row: TreeRow): void;
  setEnum(row: TreeRow, values: JsonSchemaObject['enum']): void;
  taken(row: TreeRow, name: string): boolean;
}

interface SchemaTreeRowProps {
  row: TreeRow;
  noun: string;
  selected: boolean;
  libraryNames: readonly string[];
  commands: RowCommands;
}

/** One property of the tree: name, type, required, details, children, order and removal, with Alt+↑/↓ to move it. */
export const SchemaTreeRow = memo(function SchemaTreeRow({ row, noun, selected, libraryNames, commands }: SchemaTreeRowProps) {
  const label = `${noun} ${row.outline}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const to = row.index + (e.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= row.siblings) return;
    e.preventDefault();
    commands.move(row, to);
  };
  const enumValues = row.kind === 'enum' && typeof row.schema === 'object' && Array.isArray(row.schema.enum) ? row.schema.enum : undefined;
  return (
    <div className={`schema-row${selected ? ' is-selected' : ''}`} role="group" aria-label={`${label}: ${row.name}`} onKeyDown={onKeyDown}
      style={{ paddingLeft: row.depth * 14 }}>
      <div className="schema-row__main">
        {row.childrenAt !== undefined
          ? <button type="button" className="icon-button schema-row__toggle" aria-expanded={row.expanded} aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${label}`}
            title={row.expanded ? 'Hide its fields' : `Show its ${row.childCount} field${row.childCount === 1 ? '' : 's'}`} onClick={() => commands.toggle(row)}>{row.expanded ? '▾' : '▸'}</button>
          : <span className="schema-row__toggle" aria-hidden="true" />}
        <NameInput label={`${label} name`} name={row.name} taken={(name) => commands.taken(row, name)} onRename={(name) => commands.rename(row, name)} />
        <SelectField compact label={`${label} type`} value={typeChoiceOf(row.schema)} options={typeOptions(row.schema, libraryNames)}
          title={row.summary} onChange={(choice) => commands.retype(row, choice)} />
        <CheckboxField compact label={`${label} required`} title="Required" checked={row.required} onChange={(value) => commands.require(row, value)} />
        <button type="button" className="icon-button" aria-expanded={selected} aria-label={`${label} details`}
          title="Description, constraints, format, default, examples" onClick={() => commands.select(row)}>⋯</button>
        {row.childrenAt !== undefined
          ? <button type="button" className="icon-button" aria-label={`Add a field to ${label}`} title={`Add a field inside ${row.name}`} onClick={() => commands.addChild(row)}>+</button>
          : <span className="icon-button-spacer" aria-hidden="true" />}
        <RowActions label={label} index={row.index} count={row.siblings} onMove={(_from, to) => commands.move(row, to)} onRemove={() => commands.remove(row)} />
      </div>
      {enumValues && (
        <EnumValuesField label={`${label} enum values (comma separated)`} values={enumValues} onChange={(values) => commands.setEnum(row, values)} />
      )}
    </div>
  );
});
