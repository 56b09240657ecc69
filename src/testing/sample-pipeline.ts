import type { ActionCategory, ActionDeclaration, PipelineDeclaration, StageDeclaration } from "@aws-sdk/client-codepipeline";

/**
 * Generated pipeline declarations for tests, screenshots and the large-pipeline e2e run.
 * `columns` is how many distinct run orders each stage spreads its actions over (1 = all parallel).
 */
export function samplePipeline(options: {
  name?: string;
  stages: number;
  actionsPerStage: number;
  columns?: number;
  pipelineType?: "V1" | "V2";
}): PipelineDeclaration {
  const { stages, actionsPerStage } = options;
  const columns = Math.max(1, Math.min(options.columns ?? 3, actionsPerStage));
  const stageList: StageDeclaration[] = [];
  for (let s = 0; s < stages; s++) {
    const isSource = s === 0;
    const category: ActionCategory = isSource ? "Source" : s === stages - 1 ? "Deploy" : s % 3 === 1 ? "Build" : s % 3 === 2 ? "Test" : "Deploy";
    const actions: ActionDeclaration[] = [];
    for (let a = 0; a < actionsPerStage; a++) {
      actions.push({
        name: `${category}-${s + 1}-${a + 1}`,
        actionTypeId: {
          category,
          owner: "AWS",
          provider: isSource ? "CodeStarSourceConnection" : category === "Build" || category === "Test" ? "CodeBuild" : "S3",
          version: "1",
        },
        runOrder: 1 + Math.floor((a * columns) / actionsPerStage),
        configuration: isSource
          ? { ConnectionArn: "arn:aws:codestar-connections:us-east-1:123456789012:connection/x", FullRepositoryId: `acme/repo-${a + 1}`, BranchName: "main" }
          : category === "Deploy"
            ? { BucketName: `bucket-${s + 1}-${a + 1}`, Extract: "true" }
            : { ProjectName: `project-${s + 1}-${a + 1}` },
        outputArtifacts: isSource ? [{ name: `Src${a + 1}` }] : undefined,
        inputArtifacts: isSource ? undefined : [{ name: "Src1" }],
      });
    }
    stageList.push({ name: isSource ? "Source" : `Stage-${s + 1}`, actions });
  }
  return {
    name: options.name ?? `generated-${stages}x${actionsPerStage}`,
    roleArn: "arn:aws:iam::123456789012:role/pipeline",
    artifactStore: { type: "S3", location: "artifacts" },
    pipelineType: options.pipelineType ?? "V2",
    executionMode: "QUEUED",
    stages: stageList,
  };
}
