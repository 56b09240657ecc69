import type { Build, BuildPhase } from "@aws-sdk/client-codebuild";
import { describe, expect, it } from "vitest";
import { buildFailureMessage, clearerError, orderPhases } from "./build";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
const phase = (phaseType: BuildPhase["phaseType"], start: number, phaseStatus?: BuildPhase["phaseStatus"], message?: string): BuildPhase => ({
  phaseType,
  phaseStatus,
  startTime: at(start),
  contexts: message ? [{ statusCode: "COMMAND_EXECUTION_ERROR", message }] : [],
});

const failed: Build = {
  buildStatus: "FAILED",
  phases: [
    phase("POST_BUILD", 40, "SUCCEEDED"),
    phase("SUBMITTED", 0, "SUCCEEDED"),
    phase("BUILD", 20, "FAILED", "Error while executing command: npm test. Reason: exit status 1"),
    phase("INSTALL", 10, "SUCCEEDED"),
    phase("COMPLETED", 50),
  ],
};

describe("orderPhases", () => {
  it("puts the failed phase first, the others in the order they ran", () => {
    expect(orderPhases(failed.phases).map((p) => p.phaseType)).toEqual(["BUILD", "SUBMITTED", "INSTALL", "POST_BUILD", "COMPLETED"]);
  });
  it("keeps a build without failures in order", () => {
    expect(orderPhases([phase("BUILD", 5, "IN_PROGRESS"), phase("SUBMITTED", 0, "SUCCEEDED")]).map((p) => p.phaseType)).toEqual(["SUBMITTED", "BUILD"]);
    expect(orderPhases(undefined)).toEqual([]);
  });
  it("counts a fault and a timeout as failures", () => {
    expect(orderPhases([phase("INSTALL", 0, "SUCCEEDED"), phase("PROVISIONING", 1, "FAULT"), phase("BUILD", 2, "TIMED_OUT")]).map((p) => p.phaseType)).toEqual(["PROVISIONING", "BUILD", "INSTALL"]);
  });
});

describe("buildFailureMessage and clearerError", () => {
  it("names the failed phase with its context", () => {
    expect(buildFailureMessage(failed)).toBe("BUILD failed: COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1");
  });
  it("replaces a generic action error with the phase's message, and keeps an error that already says it", () => {
    expect(clearerError("Build terminated with state: FAILED", failed)).toBe(buildFailureMessage(failed));
    const detailed = "Build failed: Error while executing command: npm test. Reason: exit status 1";
    expect(clearerError(detailed, failed)).toBe(detailed);
    expect(clearerError("Build terminated", { buildStatus: "SUCCEEDED", phases: [phase("BUILD", 0, "SUCCEEDED")] })).toBe("Build terminated");
  });
});
