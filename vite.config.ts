/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { target: "es2022", sourcemap: true },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "emulator/**/*.test.ts", "examples/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
