import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the browser app in dashboard/app into dist/dashboard, served by the Express server. */
export default defineConfig({
  root: 'dashboard/app',
  plugins: [react()],
  build: { outDir: '../../dist/dashboard', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
