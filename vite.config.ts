// Vite build and dev server for the browser client: Preact, output in dist/client, /api proxied to the server.
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('./client', import.meta.url))
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url))

export default defineConfig({
  root,
  plugins: [preact()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // uPlot is the only large dependency and only Trends needs it; the split keeps Practice's first load small.
    chunkSizeWarningLimit: 200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
