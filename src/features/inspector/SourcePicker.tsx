import type { ValueSource } from '../../core';
import { SelectField, TextField } from './controls';
import { decodeSource, encodeSource, parseLiteralText, sourceOptions, type SourceContext } from './sourceOptions';

interface SourcePickerProps {
  label: string;
  source: ValueSource | undefined;
  context: SourceContext;
  allowUnmapped: boolean;
  onChange(source: ValueSource | undefined, coalesceKey?: string): void;
}

/** Picks where a value comes from (input, before, event field, literal, generated); literals get a text box. */
export function SourcePicker({ label, source, context, allowUnmapped, onChange }: SourcePickerProps) {
  return (
    <div className={`source-picker${source?.from === 'literal' ? ' source-picker--literal' : ''}`}>
      <SelectField compact label={label} value={encodeSource(source)} options={sourceOptions(context, source, allowUnmapped)}
        onChange={(value) => onChange(decodeSource(value, source))} />
      {source?.from === 'literal' && (
        <TextField compact label={`${label} literal`} placeholder="value" value={typeof source.value === 'string' ? source.value : JSON.stringify(source.value)}
          onChange={(text) => onChange({ from: 'literal', value: parseLiteralText(text) }, `${label}:literal`)} />
      )}
    </div>
  );
}
