import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";

/** A small valid V2 declaration for the definition tests: Source → Build (two runOrder groups) → Deploy. */
export function sampleDeclaration(): PipelineDeclaration {
  return {
    name: "shop",
    roleArn: "arn:aws:iam::123456789012:role/pipeline",
    artifactStore: { type: "S3", location: "artifacts" },
    pipelineType: "V2",
    executionMode: "SUPERSEDED",
    version: 3,
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
            configuration: { BranchName: "main", FullRepositoryId: "acme/shop" },
            outputArtifacts: [{ name: "Src" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Compile",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "shop" },
            inputArtifacts: [{ name: "Src" }],
            outputArtifacts: [{ name: "Out" }],
            runOrder: 1,
          },
          {
            name: "Package",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "package" },
            inputArtifacts: [{ name: "Out" }],
            runOrder: 2,
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Ship",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
            configuration: { BucketName: "shop-prod" },
            inputArtifacts: [{ name: "Out" }],
          },
        ],
      },
    ],
  };
}
