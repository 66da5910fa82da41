// The ceiling of a cold first paint: a blank Vite + React page (React and React DOM, one element).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main style={{ font: '14px system-ui, sans-serif', padding: 16 }}>
      <h1>Blank Vite + React page</h1>
      <p>The ceiling of a cold first paint for the bench.</p>
    </main>
  </StrictMode>,
);
