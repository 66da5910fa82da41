/**
 * The editor's frame, painted before the editor's code has loaded (the first paint of a visit):
 * the toolbar bar and an empty canvas saying what comes. React, this frame and the base styles are
 * all the first paint waits for; the editor (React Flow, the store, the designs database) loads in
 * parallel and replaces it.
 */
export function AppShell() {
  return (
    <div className="app app--design" aria-busy="true">
      <header className="toolbar">
        <div className="toolbar__brand">
          <span className="toolbar__logo" aria-hidden="true">◆</span>
          <span className="toolbar__brand-text">Event Flow Designer</span>
        </div>
      </header>
      <div className="workspace">
        <main className="canvas-region" aria-label="Canvas">
          <div className="canvas-empty" role="status">Opening the editor…</div>
        </main>
      </div>
    </div>
  );
}
