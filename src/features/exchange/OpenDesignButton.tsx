import { useRef } from 'react';

/** "Open…": picks a design or AsyncAPI file and hands it to `onFiles`. */
export function OpenDesignButton({ onFiles, busy }: { onFiles: (files: FileList) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="tool-button tool-button--icon" disabled={busy} onClick={() => input.current?.click()}
        aria-label="Open…" title="Open… a design (.json) or an AsyncAPI 3.0 / 2.6 document (.json, .yaml) as a new design; you can also drop a file anywhere on the app">
        <span aria-hidden="true">⇪</span>
      </button>
      <input ref={input} type="file" hidden aria-label="Design or AsyncAPI file to import" data-testid="exchange.open-input"
        accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
        onChange={(event) => {
          if (event.target.files?.length) onFiles(event.target.files);
          event.target.value = '';
        }} />
    </>
  );
}
