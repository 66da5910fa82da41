import { useMenu } from '../toolbar/useMenu';
import { useExportActions } from './useExportActions';

interface Item {
  label: string;
  hint: string;
  run: () => void | Promise<void>;
  disabled?: boolean;
}

/** The toolbar's "Export" button and its menu of every export of the open design. */
export function ExportMenu() {
  const { open, setOpen, menu, button, onKeyDown } = useMenu();
  const { ready, hasRun, exportDesign, exportRun, copySchemas, exportImage } = useExportActions(open);
  const noRun = hasRun ? '' : ' (start a run in Run mode first)';

  const groups: { title: string; items: Item[] }[] = [
    { title: 'Event schemas · JSON Schema', items: [
      { label: 'Schema bundle (.json)', hint: 'Every event type in one file, under $defs', run: () => exportDesign('schema-bundle') },
      { label: 'One file per event (.zip)', hint: 'A .zip with one schema per event type, the envelope and the bundle', run: () => exportDesign('schema-zip') },
      { label: 'Copy schema bundle', hint: 'Copy the bundle to the clipboard', run: copySchemas },
    ] },
    { title: 'AsyncAPI', items: [
      { label: 'AsyncAPI 3.0 (.yaml)', hint: 'The whole design: channels, messages, servers and send/receive operations', run: () => exportDesign('asyncapi-yaml') },
      { label: 'AsyncAPI 3.0 (.json)', hint: 'The same AsyncAPI document, as JSON', run: () => exportDesign('asyncapi-json') },
      { label: 'AsyncAPI 3.1 (.yaml)', hint: 'The whole design as AsyncAPI 3.1.0', run: () => exportDesign('asyncapi31-yaml') },
      { label: 'One file per service (.zip)', hint: 'An AsyncAPI 3.0 document per service (an imported document, or a producer or consumer made here)', run: () => exportDesign('asyncapi-services') },
    ] },
    { title: 'Design and run', items: [
      { label: 'Design (.json)', hint: 'The flow document: open it again with Open… or keep it in git', run: () => exportDesign('design') },
      { label: 'Run trace (.json)', hint: `Every micro-step of this design's run${noRun}`, run: () => exportRun('trace'), disabled: !hasRun },
      { label: 'Run fixtures (.json)', hint: `Given the commands, then these events and projection rows${noRun}`, run: () => exportRun('fixtures'), disabled: !hasRun },
    ] },
    { title: 'Canvas', items: [
      { label: 'Canvas image (.png)', hint: 'The whole design as a PNG picture', run: () => exportImage('png') },
      { label: 'Canvas image (.svg)', hint: 'The whole design as an SVG picture', run: () => exportImage('svg') },
    ] },
  ];

  return (
    <div className="exchange-menu">
      <button ref={button} type="button" className="tool-button" aria-haspopup="menu" aria-expanded={open} disabled={!ready}
        title="Export the event schemas, AsyncAPI, the design, the run or the canvas" onClick={() => setOpen((v) => !v)}>
        ⇩ Export
      </button>
      {open && (
        <div ref={menu} className="exchange-menu__popover" role="menu" aria-label="Export" onKeyDown={onKeyDown}>
          {groups.map((group) => (
            <div key={group.title} role="group" aria-label={group.title} className="exchange-menu__group">
              <div className="exchange-menu__heading" aria-hidden="true">{group.title}</div>
              {group.items.map((item) => (
                <button key={item.label} type="button" role="menuitem" className="exchange-menu__item" title={item.hint}
                  disabled={item.disabled} onClick={() => { setOpen(false); void item.run(); }}>
                  {item.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
