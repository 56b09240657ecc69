/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import type { Plugin } from "vite";
import { fileURLToPath } from "node:url";
import { BUILD_POLICY } from "./src/config/csp.ts";

/**
 * The build's Content Security Policy as a meta tag (src/config/csp.ts explains the two layers). Build only:
 * the dev server injects inline scripts for hot reload.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: BUILD_POLICY }, injectTo: "head-prepend" },
    ],
  };
}

/**
 * react-router 7's package exports resolve to its development build in every mode (remix-run/react-router#12532,
 * #14102): dev-only warnings in production consoles and more bytes on the first page. Builds take the production one.
 */
const reactRouterProduction = fileURLToPath(new URL("./node_modules/react-router/dist/production/index.mjs", import.meta.url));

export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  resolve: command === "build" ? { alias: [{ find: /^react-router$/, replacement: reactRouterProduction }] } : {},
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { target: "es2022", sourcemap: true },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "emulator/**/*.test.ts", "examples/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
}));
