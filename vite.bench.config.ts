import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The bench pages (`npm run bench`), built apart from the app so that the app's production build is
 * exactly what ships: served under /bench/ next to it, same origin (and so same IndexedDB), never in `dist`.
 * The engine harness keeps a fixed name (assets/engine.js) so the app's own page can import it.
 */
export default defineConfig({
  root: resolve('bench/pages'),
  base: '/bench/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(process.env.BENCH_OUT_DIR ?? '.bench-build', 'bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        engine: resolve('bench/pages/engine.html'),
        blank: resolve('bench/pages/blank.html'),
        reactflow: resolve('bench/pages/reactflow.html'),
        baseline: resolve('bench/pages/baseline.html'),
      },
      // As in the app's build (vite.config.ts): the core has no module side effects.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]core[\\/]/.test(id) },
      output: { entryFileNames: 'assets/[name].js' },
    },
  },
});
