import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SelectOption } from './controls';

/** How many matches the list shows at once; typing narrows it. */
const SHOWN = 50;

interface SearchSelectProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  title?: string;
}

/**
 * A select for thousands of options (a payload of 5,000 fields): a combobox that shows the current
 * choice and, while it has focus, the options matching what is typed (the first 50), picked with
 * the arrows and Enter or the mouse. Only the shown options are in the page.
 */
export function SearchSelect({ label, value, options, onChange, title }: SearchSelectProps) {
  const id = useId();
  const current = options.find((o) => o.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    if (query === null) return [];
    const q = query.trim().toLowerCase();
    const found: SelectOption[] = [];
    for (const option of options) {
      if (q === '' || option.label.toLowerCase().includes(q)) found.push(option);
      if (found.length >= SHOWN) break;
    }
    return found;
  }, [query, options]);
  const open = query !== null;
  const pick = (option: SelectOption | undefined) => {
    if (option) onChange(option.value);
    setQuery(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (!open) setQuery(''); setActive((a) => Math.min(a + 1, Math.max(0, matches.length - 1))); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
    else if (e.key === 'Enter' && open) { e.preventDefault(); pick(matches[active]); }
    else if (e.key === 'Escape' && open) { e.preventDefault(); setQuery(null); }
  };
  return (
    <div className="search-select">
      <input type="text" role="combobox" aria-label={label} title={title ?? label} aria-expanded={open} aria-controls={`${id}-list`} aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-${active}` : undefined}
        value={query ?? current?.label ?? value} placeholder="type to search" spellCheck={false}
        onFocus={(e) => { setQuery(''); setActive(0); e.target.select(); }}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onBlur={() => setQuery(null)} onKeyDown={onKeyDown} />
      {open && (
        <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} className="search-select__list">
          {matches.length === 0 && <li className="search-select__none">No match</li>}
          {matches.map((option, i) => (
            <li key={option.value} id={`${id}-${i}`} role="option" aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); pick(option); }}>
              {option.group && <span className="search-select__group">{option.group}</span>}{option.label}
            </li>
          ))}
          {matches.length === SHOWN && <li className="search-select__none">Type to narrow the {options.length.toLocaleString('en')} choices</li>}
        </ul>
      )}
    </div>
  );
}
