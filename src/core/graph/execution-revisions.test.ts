import { describe, expect, it } from "vitest";
import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { withExecutionRevisions } from "./execution-revisions";
import { actionNodeId } from "./layout";
import type { StatusView } from "./status-view";

const declaration: PipelineDeclaration = {
  name: "web",
  roleArn: "arn:aws:iam::123456789012:role/r",
  stages: [
    {
      name: "Source",
      actions: [
        { name: "App", actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" }, outputArtifacts: [{ name: "AppSrc" }] },
        { name: "Config", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" }, outputArtifacts: [{ name: "Cfg" }] },
      ],
    },
    {
      name: "Build",
      actions: [{ name: "Compile", actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, outputArtifacts: [{ name: "AppSrc" }] }],
    },
  ],
};

const status: StatusView = {
  stages: new Map(),
  actions: new Map([[actionNodeId("Source", "App"), { status: "Succeeded", summary: "from the run" }]]),
};

describe("withExecutionRevisions", () => {
  it("gives each source action the revision of the artifact it produced, with its commit message", () => {
    const { status: merged, revisionMessages } = withExecutionRevisions(status, declaration, [
      {
        name: "AppSrc",
        revisionId: "262aa6ba83ba23fde1de15fc8bfbc8a5f80340bb",
        revisionSummary: '{"ProviderType":"GitHub","CommitMessage":"Add checkout\\n\\nBody"}',
        revisionUrl: "https://github.com/acme/app/commit/262aa6b",
      },
      { name: "Cfg", revisionId: "v3.json", revisionSummary: "Upload of v3" },
    ]);
    expect(merged.actions.get(actionNodeId("Source", "App"))).toMatchObject({
      status: "Succeeded",
      summary: "from the run",
      revision: { revisionId: "262aa6ba83ba23fde1de15fc8bfbc8a5f80340bb" },
      revisionUrl: "https://github.com/acme/app/commit/262aa6b",
    });
    expect(merged.actions.get(actionNodeId("Source", "Config"))?.revision?.revisionId).toBe("v3.json");
    expect(revisionMessages).toEqual(new Map([["App", "Add checkout"], ["Config", "Upload of v3"]]));
  });

  it("leaves non-source actions alone, even when they write an artifact of the same name", () => {
    const { status: merged } = withExecutionRevisions(status, declaration, [{ name: "AppSrc", revisionId: "abc" }]);
    expect(merged.actions.get(actionNodeId("Build", "Compile"))).toBeUndefined();
  });

  it("does not touch the status it was given", () => {
    withExecutionRevisions(status, declaration, [{ name: "AppSrc", revisionId: "abc" }]);
    expect(status.actions.get(actionNodeId("Source", "App"))?.revision).toBeUndefined();
  });
});
