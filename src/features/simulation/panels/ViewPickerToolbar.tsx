/** One view of a panel: its option in the "Show" picker and the hint shown while it is picked. */
export interface PanelView {
  label: string;
  hint: string;
}

/** A panel's toolbar: a "Show" picker over its views (in the record's order) and the hint of the one shown. */
export function ViewPickerToolbar<V extends string>({ views, value, onChange, label, disabled }: {
  views: Record<V, PanelView>;
  value: V;
  onChange(view: V): void;
  /** The picker's accessible name, e.g. "Broker panel shows". */
  label: string;
  disabled?: boolean;
}) {
  return (
    <div className="panel-toolbar">
      <label>
        Show
        <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)} aria-label={label}>
          {(Object.keys(views) as V[]).map((v) => <option key={v} value={v}>{views[v].label}</option>)}
        </select>
      </label>
      <span className="sim-hint">{views[value].hint}</span>
    </div>
  );
}
