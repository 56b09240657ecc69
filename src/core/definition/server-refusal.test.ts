import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../testing/sample-declaration";
import { locateServerMessage, refusalProblems } from "./server-refusal";

/** Stages and actions that share names, as real pipelines do: a Build stage with a Build action, a Source action in Deploy. */
function sharedNames(): PipelineDeclaration {
  const d = sampleDeclaration();
  d.stages![0].name = "Source";
  d.stages![0].actions![0].name = "Source";
  d.stages![1].actions![0].name = "Build";
  d.stages![2].actions!.push({ ...d.stages![2].actions![0], name: "Source" }, { ...d.stages![2].actions![0], name: "Build" });
  return d;
}

describe("locateServerMessage", () => {
  it("points at the action a server message names inside its stage, else the stage, else nothing", () => {
    const d = sampleDeclaration();
    expect(locateServerMessage(d, "Action 'Ship' in stage 'Deploy' has 0 input artifact(s)")).toEqual(["stages", 2, "actions", 0, "name"]);
    expect(locateServerMessage(d, "Stage Build should have at least one action")).toEqual(["stages", 1, "name"]);
    expect(locateServerMessage(d, "Action Package is misconfigured")).toEqual(["stages", 1, "actions", 1, "name"]);
    expect(locateServerMessage(d, "Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline")).toEqual([]);
  });

  it("reads which name is the action and which the stage, when stage and action names repeat", () => {
    const d = sharedNames();
    // The emulator's and AWS's wordings: "action X in stage Y", with or without quotes.
    expect(locateServerMessage(d, "Action 'Build' in stage 'Deploy' has 0 input artifact(s); S3 actions take between 1 and 1")).toEqual(["stages", 2, "actions", 2, "name"]);
    expect(locateServerMessage(d, "Action Source in stage Deploy is a Source action; Source actions are only allowed in the first stage")).toEqual([
      "stages",
      2,
      "actions",
      1,
      "name",
    ]);
    expect(locateServerMessage(d, "Input Artifact Bundle Typo for action Build in stage Deploy is not an output artifact of any action that runs before it")).toEqual([
      "stages",
      2,
      "actions",
      2,
      "name",
    ]);
    expect(
      locateServerMessage(
        d,
        "Namespaces must be unique across the pipeline definition. The following occur more than once in the pipeline. StageName=[Deploy], ActionName=[Build], Namespace=[BuildVariables]",
      ),
    ).toEqual(["stages", 2, "actions", 2, "name"]);
    expect(locateServerMessage(d, "Stage Build is the first stage and can only contain Source actions, but action Build is a Build action")).toEqual([
      "stages",
      1,
      "actions",
      0,
      "name",
    ]);
    expect(locateServerMessage(d, "Action name Build is used more than once in stage Deploy")).toEqual(["stages", 2, "actions", 2, "name"]);
    expect(locateServerMessage(d, "Stage name Deploy is used more than once in the pipeline")).toEqual(["stages", 2, "name"]);
  });

  it("places an action named alone (AWS's own wordings) on that action", () => {
    const d = sampleDeclaration();
    expect(
      locateServerMessage(d, "ActionType (Category: 'Deploy', Provider: 'S3', Owner: 'AWS', Version: '1') in action 'Ship' is not available in region 'US_EAST_1'"),
    ).toEqual(["stages", 2, "actions", 0, "name"]);
    expect(locateServerMessage(d, "Action Package declares 0 input artifacts which is less than the minimum count (1)")).toEqual(["stages", 1, "actions", 1, "name"]);
    expect(locateServerMessage(d, "Action configuration for action 'Compile' is missing required configuration 'ProjectName'")).toEqual([
      "stages",
      1,
      "actions",
      0,
      "name",
    ]);
  });

  it("follows a validation error's member path (1-based list items) to the value it names", () => {
    const d = sampleDeclaration();
    expect(
      locateServerMessage(
        d,
        "1 validation error detected: Value 'not-an-arn' at 'pipeline.stages.3.member.actions.1.member.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*",
      ),
    ).toEqual(["stages", 2, "actions", 0, "roleArn"]);
    expect(locateServerMessage(d, "1 validation error detected: Value null at 'pipeline.roleArn' failed to satisfy constraint: Member must not be null")).toEqual([
      "roleArn",
    ]);
  });
});

describe("refusalProblems", () => {
  it("says the refusal once, where it belongs, with the service's own words", () => {
    const error = { name: "InvalidActionDeclarationException", message: "Action 'Ship' in stage 'Deploy' has 0 input artifact(s)" };
    expect(refusalProblems(sampleDeclaration(), error)).toEqual([
      {
        path: ["stages", 2, "actions", 0, "name"],
        message: "CodePipeline refused it: InvalidActionDeclarationException: Action 'Ship' in stage 'Deploy' has 0 input artifact(s)",
      },
    ]);
  });

  it("splits a ValidationException into one problem per value, each at its own place", () => {
    const error = {
      name: "ValidationException",
      message:
        "2 validation errors detected: Value '0' at 'pipeline.stages.2.member.actions.2.member.runOrder' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value 'x y' at 'pipeline.stages.3.member.actions.1.member.namespace' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9@\\-_]+",
    };
    expect(refusalProblems(sampleDeclaration(), error)).toEqual([
      {
        path: ["stages", 1, "actions", 1, "runOrder"],
        message:
          "CodePipeline refused it: ValidationException: Value '0' at 'pipeline.stages.2.member.actions.2.member.runOrder' failed to satisfy constraint: Member must have value greater than or equal to 1",
      },
      {
        path: ["stages", 2, "actions", 0, "namespace"],
        message:
          "CodePipeline refused it: ValidationException: Value 'x y' at 'pipeline.stages.3.member.actions.1.member.namespace' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9@\\-_]+",
      },
    ]);
  });
});
