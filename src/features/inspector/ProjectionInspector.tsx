import type { ColumnType, Projection } from '../../core';
import { RowActions, Section, SelectField, TextField, lists } from './controls';
import { ProjectionScaleSection } from './ScaleFields';
import { useNodeUpdater } from './useNodeUpdater';

const COLUMN_TYPES: ColumnType[] = ['string', 'number', 'boolean', 'date-time', 'list'];

/** Edits a projection: name, description, key column, concurrency override and cache, and columns. */
export function ProjectionInspector({ node }: { node: Projection }) {
  const update = useNodeUpdater(node);
  const setColumns = (columns: Projection['columns'], key?: string) => update({ ...node, columns }, key);
  return (
    <>
      <Section title="Projection">
        <TextField label="Name" value={node.name} onChange={(name) => update({ ...node, name }, 'name')} />
        <TextField label="Description" multiline value={node.description} onChange={(description) => update({ ...node, description }, 'description')} />
        <SelectField label="Key column" value={node.key} title="The column that identifies a row"
          options={[...(node.columns.some((c) => c.name === node.key) ? [] : [{ value: node.key, label: `${node.key || '—'} (missing)` }]),
            ...node.columns.map((c) => ({ value: c.name, label: c.name }))]}
          onChange={(key) => update({ ...node, key })} />
      </Section>
      <ProjectionScaleSection node={node} update={update} />
      <Section title="Columns">
        <div className="fields-editor">
          {node.columns.map((column, index) => {
            const label = `Column ${index + 1}`;
            return (
              <div key={index} className="field-row__main" role="group" aria-label={`${label}: ${column.name}`}>
                <TextField compact label={`${label} name`} value={column.name}
                  onChange={(name) => setColumns(lists.replaceAt(node.columns, index, { ...column, name }), `column:${index}:name`)} />
                <SelectField compact label={`${label} type`} value={column.type} options={COLUMN_TYPES.map((t) => ({ value: t, label: t }))}
                  onChange={(type) => setColumns(lists.replaceAt(node.columns, index, { ...column, type: type as ColumnType }))} />
                <RowActions label={label} index={index} count={node.columns.length}
                  onMove={(from, to) => setColumns(lists.move(node.columns, from, to))} onRemove={(i) => setColumns(lists.removeAt(node.columns, i))} />
              </div>
            );
          })}
        </div>
        <button type="button" className="tool-button add-button" onClick={() => {
          let n = node.columns.length + 1;
          while (node.columns.some((c) => c.name === `column${n}`)) n++;
          setColumns([...node.columns, { name: `column${n}`, type: 'string' }]);
        }}>+ Add column</button>
      </Section>
    </>
  );
}
