import { Component, type CSSProperties, type ReactNode } from 'react';

// Inline, so that the first paint waits for no stylesheet (the app's styles load with the editor).
const page: CSSProperties = { display: 'flex', flexDirection: 'column', height: '100vh', margin: 0, background: '#f1f5f9', color: '#0f172a', font: '13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
const bar: CSSProperties = { display: 'flex', alignItems: 'center', gap: 6, height: 48, padding: '0 10px', background: '#fff', borderBottom: '1px solid #e2e8f0', flexShrink: 0, fontWeight: 700 };
const canvas: CSSProperties = { flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#64748b' };

/**
 * The editor's frame, painted before the editor's code has loaded (the first paint of a visit):
 * the toolbar bar and an empty canvas saying what comes. React and this frame are all the first
 * paint waits for; the editor (React Flow, the store, the designs database, the styles) loads right
 * after and replaces it.
 */
export function AppShell({ failure }: { failure?: string }) {
  return (
    <div style={page} aria-busy={failure === undefined}>
      <header style={bar}>
        <span aria-hidden="true" style={{ color: '#ea580c', fontSize: 18 }}>◆</span>
        <span>Event Flow Designer</span>
      </header>
      <main style={canvas} aria-label="Canvas">
        {failure === undefined ? <span role="status">Opening the editor…</span> : (
          <span role="alert">
            The editor could not be loaded: {failure}{' '}
            <button type="button" onClick={() => location.reload()}>Reload</button>
          </span>
        )}
      </main>
    </div>
  );
}

/** The shell with what went wrong when the editor's code cannot be loaded (e.g. the network went away). */
export class EditorLoadBoundary extends Component<{ children: ReactNode }, { failure?: string }> {
  state: { failure?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { failure: error instanceof Error ? error.message : String(error) };
  }

  render() {
    return this.state.failure === undefined ? this.props.children : <AppShell failure={this.state.failure} />;
  }
}
