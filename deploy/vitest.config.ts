import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "bin/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Synthesizing a stack takes a few seconds on a 2-core machine, the CLI's synth about ten.
    testTimeout: 60_000,
  },
});
