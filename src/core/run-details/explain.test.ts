import { describe, expect, it } from "vitest";
import { elsewhere, explainReadError } from "./explain";

describe("explainReadError", () => {
  it("names the missing permission and the policy that grants it", () => {
    const problem = explainReadError({ name: "AccessDeniedException", message: "User … is not authorized to perform: logs:GetLogEvents" }, "logs:GetLogEvents", "the build's log");
    expect(problem.kind).toBe("permission");
    expect(problem.title).toBe("Not allowed: logs:GetLogEvents");
    expect(problem.detail).toContain("deploy/iam-policy-read-only.json");
  });
  it("says a deleted or expired log is gone, and throttling is retried", () => {
    expect(explainReadError({ name: "ResourceNotFoundException", message: "The specified log group does not exist." }, "logs:GetLogEvents", "the build's log")).toMatchObject({
      kind: "missing",
      title: "The build's log no longer exists",
    });
    expect(explainReadError({ name: "ThrottlingException", message: "Rate exceeded" }, "logs:GetLogEvents", "the log").kind).toBe("throttled");
    expect(explainReadError({ name: "InternalFailure", message: "boom" }, "x", "the log")).toMatchObject({ kind: "other", detail: "InternalFailure: boom" });
  });
});

describe("elsewhere", () => {
  it("says when a build ran in another account or region", () => {
    expect(elsewhere("the build", { region: "eu-west-1" }, { region: "us-east-1" })?.title).toBe("The build is in region eu-west-1");
    expect(elsewhere("the build", { region: "us-east-1", account: "222222222222" }, { region: "us-east-1", account: "111111111111" })?.title).toBe("The build is in account 222222222222");
    expect(elsewhere("the build", { region: "us-east-1", account: "111111111111" }, { region: "us-east-1", account: "111111111111" })).toBeUndefined();
    expect(elsewhere("the build", { account: "222222222222" }, { region: "us-east-1" })).toBeUndefined();
  });
});
