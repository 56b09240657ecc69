import { describe, expect, it } from "vitest";
import { failedCommand, firstErrorLine } from "./first-error";

const phaseMessage = "Error while executing command: npm test. Reason: exit status 1";

const codebuildLog = [
  "[Container] 2025/01/01 00:00:01.000 Running command npm ci",
  "added 812 packages, and audited 813 packages in 9s",
  "found 0 vulnerabilities (no error)",
  "[Container] 2025/01/01 00:00:12.000 Running command npm test",
  "> jest",
  "PASS src/cart.test.ts",
  "\x1b[1;31mFAIL\x1b[0m src/checkout.test.ts",
  "  ● checkout › applies the discount",
  "Tests: 1 failed, 41 passed",
  "[Container] 2025/01/01 00:00:30.000 Command did not exit successfully npm test exit status 1",
  "[Container] 2025/01/01 00:00:30.010 Phase complete: BUILD State: FAILED",
  `[Container] 2025/01/01 00:00:30.011 Phase context status code: COMMAND_EXECUTION_ERROR Message: ${phaseMessage}`,
];

describe("firstErrorLine", () => {
  it("finds the first error in the failed command's output, not in earlier commands or CodeBuild's status lines", () => {
    expect(firstErrorLine(codebuildLog, { messages: [phaseMessage] })).toBe(6);
  });

  it("falls back to the line saying the command failed when its output has no error words", () => {
    const quiet = codebuildLog.filter((_, i) => i < 5 || i > 8);
    expect(quiet[firstErrorLine(quiet, { messages: [phaseMessage] })!]).toContain("Command did not exit successfully npm test");
  });

  it("uses the last run of the command (a retried command ran twice)", () => {
    const twice = [...codebuildLog.slice(3, 5), "ok", ...codebuildLog];
    expect(firstErrorLine(twice, { messages: [phaseMessage] })).toBe(6 + 3);
  });

  it("without a command, finds a line quoting the failure, then any error-like line", () => {
    const log = ["starting", "warning: slow disk", "Compilation failed: src/app.ts(3,1) missing ;", "done"];
    expect(firstErrorLine(log, { messages: ["Compilation failed: src/app.ts(3,1) missing ;"] })).toBe(2);
    expect(firstErrorLine(["a", "b", "Error: boom", "c"], { messages: ["unrelated"] })).toBe(2);
    expect(firstErrorLine(["all", "good"], { messages: [] })).toBeUndefined();
  });

  it("reads the command out of CodeBuild's phase context", () => {
    expect(failedCommand(["x", phaseMessage])).toBe("npm test");
    expect(failedCommand(["no command here"])).toBeUndefined();
  });
});
