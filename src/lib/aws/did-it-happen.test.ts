import { describe, expect, it } from "vitest";
import { mayHaveHappened } from "./did-it-happen";

const awsError = (name: string, fault: "client" | "server", httpStatusCode: number, attempts = 1) =>
  Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode, attempts } });

describe("mayHaveHappened", () => {
  it("is true when the call may have reached CodePipeline and acted", () => {
    expect(mayHaveHappened(awsError("InternalFailure", "server", 500))).toBe(true);
    expect(mayHaveHappened(new TypeError("Failed to fetch"))).toBe(true);
    expect(mayHaveHappened(Object.assign(new Error("timed out"), { name: "TimeoutError" }))).toBe(true);
  });

  it("is true for a refusal after SDK retries: an earlier attempt may have acted", () => {
    expect(mayHaveHappened(awsError("StageNotRetryableException", "client", 400, 2))).toBe(true);
  });

  it("is false for a refusal on the first and only attempt", () => {
    expect(mayHaveHappened(awsError("AccessDeniedException", "client", 400))).toBe(false);
    expect(mayHaveHappened(awsError("ValidationException", "client", 400))).toBe(false);
    expect(mayHaveHappened("not an error")).toBe(false);
  });
});
