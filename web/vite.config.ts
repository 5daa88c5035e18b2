// Builds the web app into web/dist, which `aanwezig serve` hands out. Run from the repository
// root as `vite build web` (npm run build:web); `vite web` serves it in development with the
// API proxied to a local `aanwezig serve` on its default port.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const API_ORIGIN = "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No source maps in the bundle the server hands out: they would publish the source with its
    // comments to anyone (docs/security.md); the server also refuses *.map. `vite web` (development)
    // still maps the source.
    sourcemap: false,
    // The app is for current browsers of school and municipal staff; no legacy bundle.
    target: "es2022",
    // The start page's code (React, React Router, TanStack Query, the design system's
    // components) is about 590 kB in two chunks; every other screen loads on its first visit
    // (features/sections/lazy-screen.tsx) and recharts only with the monitor.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/api": {
        target: API_ORIGIN,
        // The API refuses state-changing requests from another origin (CSRF guard); in
        // development the page's origin is Vite's, so present the API's own.
        headers: { origin: API_ORIGIN },
      },
    },
  },
});
