import { useSavedDesigns } from '../../state/savedDesigns';
import { useAppStore } from '../../state/store';
import { selectDesignId } from '../../state/selectors';
import { DamagedDesignRow } from './DamagedDesignRow';
import { DesignRow } from './DesignRow';
import { ExamplePicker } from './ExamplePicker';

/** Every saved design, most recent first, with the verbs of the list; damaged ones say so. */
export function DesignsList() {
  const designs = useSavedDesigns();
  const currentId = useAppStore(selectDesignId);
  const createDesign = useAppStore((s) => s.createDesign);
  return (
    <div className="designs-list">
      <div className="designs-list__header">
        <span className="panel-title">Designs</span>
        <button type="button" className="tool-button tool-button--primary" onClick={() => void createDesign()}
          title="Create a new, empty design">+ New design</button>
      </div>
      <ExamplePicker />
      {designs === undefined ? <div className="designs-list__empty">Loading…</div> : (
        <ul aria-label="Saved designs">
          {designs.map((design) => (design.status === 'ok'
            ? <DesignRow key={design.id} design={design} current={design.id === currentId} />
            : <DamagedDesignRow key={design.id} design={design} />))}
        </ul>
      )}
    </div>
  );
}
