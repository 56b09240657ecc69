import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";

/** A declaration before it has a name (the create form asks for it separately). */
export type UnnamedDeclaration = Omit<PipelineDeclaration, "name" | "version">;

/** Two-space JSON, the way the AWS CLI prints `get-pipeline`, so a copied definition diffs cleanly with one. */
export function formatDeclaration(declaration: PipelineDeclaration | UnnamedDeclaration): string {
  return `${JSON.stringify(declaration, null, 2)}\n`;
}

/** A copy starts from another pipeline's declaration minus what identifies that pipeline. */
export function withoutIdentity(declaration: PipelineDeclaration | UnnamedDeclaration): UnnamedDeclaration {
  const { name: _name, version: _version, ...rest } = declaration as PipelineDeclaration;
  return rest;
}

/** A starting point for a new pipeline that passes the structure checks; the ARNs are placeholders to replace. */
export const TEMPLATE_DECLARATION: UnnamedDeclaration = {
  roleArn: "arn:aws:iam::123456789012:role/my-pipeline-role",
  artifactStore: { type: "S3", location: "my-artifact-bucket" },
  pipelineType: "V2",
  executionMode: "QUEUED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
          configuration: {
            ConnectionArn: "arn:aws:codestar-connections:us-east-1:123456789012:connection/replace-me",
            FullRepositoryId: "owner/repository",
            BranchName: "main",
          },
          outputArtifacts: [{ name: "SourceOutput" }],
          runOrder: 1,
        },
      ],
    },
    {
      name: "Build",
      actions: [
        {
          name: "Build",
          actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
          configuration: { ProjectName: "my-project" },
          inputArtifacts: [{ name: "SourceOutput" }],
          runOrder: 1,
        },
      ],
    },
  ],
};

export function downloadText(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked on the next task: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The API's structure errors: their message names what is wrong, so it belongs next to the JSON. */
export const STRUCTURE_ERRORS = new Set([
  "ValidationException",
  "InvalidStructureException",
  "InvalidStageDeclarationException",
  "InvalidActionDeclarationException",
  "InvalidBlockerDeclarationException",
]);
