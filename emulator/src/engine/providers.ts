import type { ActionDeclaration } from "@aws-sdk/client-codepipeline";
import type { ActionBehaviour, Seconds } from "../scenario/types";
import type { ActionExecutionRecord, ExecutionRecord, PipelineRecord } from "../state/records";
import { fillTemplate, findAwsActionType } from "./action-types";
import type { Random } from "./random";

/*
 * Simulated action providers: how long a run takes, whether it fails, and what it reports
 * (external ids and URLs, revisions, summaries). Everything is drawn when the run starts.
 */

const DEFAULT_DURATION: Record<string, [number, number]> = {
  Source: [5, 20],
  Build: [60, 300],
  Test: [60, 240],
  Deploy: [60, 180],
  Invoke: [5, 60],
  Compute: [30, 180],
};

const DEFAULT_ERROR: Record<string, { code: string; message: string }> = {
  Source: { code: "JobFailed", message: "Could not fetch the source revision: the branch was not found in the repository." },
  Build: { code: "JobFailed", message: "Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: npm run build. Reason: exit status 1" },
  Test: { code: "JobFailed", message: "Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: npm test. Reason: exit status 1" },
  Deploy: { code: "JobFailed", message: "The deployment failed because a specified file could not be found or the health checks of the new task set did not pass." },
  Invoke: { code: "JobFailed", message: "The Lambda function returned an error: Task timed out after 30.00 seconds" },
  Compute: { code: "JobFailed", message: "Command execution failed: exit status 1" },
};

const DEFAULT_COMMITS = [
  { message: "Fix flaky integration test", author: "Alex Doe" },
  { message: "Bump dependencies", author: "Sam Lee" },
  { message: "Add health check endpoint", author: "Kim Park" },
  { message: "Refactor configuration loading", author: "Alex Doe" },
];

/** Manual approvals time out after 7 days unless the action says otherwise. */
const DEFAULT_APPROVAL_TIMEOUT_MINUTES = 7 * 24 * 60;

export interface PlannedRun {
  dueTime?: number;
  willFail: boolean;
  token?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  autoDecision?: ActionExecutionRecord["autoDecision"];
  revision?: ActionExecutionRecord["revision"];
  outputVariables?: Record<string, string>;
  /** The error a failing run reports instead of the scenario's (variables that did not resolve). */
  plannedError?: { code: string; message: string };
}

export function behaviourOf(pipeline: PipelineRecord, stage: string, action: string): ActionBehaviour {
  return pipeline.behaviour?.actions?.[`${stage}.${action}`] ?? {};
}

export function planRun(
  rng: Random,
  now: number,
  pipeline: PipelineRecord,
  execution: ExecutionRecord,
  stage: string,
  action: ActionDeclaration,
  run: number,
  actionExecutionId: string,
): PlannedRun {
  const type = action.actionTypeId!;
  const category = type.category!;
  const config = action.configuration ?? {};
  const behaviour = behaviourOf(pipeline, stage, action.name!);

  if (category === "Approval") {
    const token = rng.uuid();
    const timeout = now + (action.timeoutInMinutes ?? DEFAULT_APPROVAL_TIMEOUT_MINUTES) * 60_000;
    const auto = behaviour.autoDecision;
    const autoAt = auto ? now + rng.seconds(auto.afterSeconds) * 1000 : Infinity;
    return {
      token,
      externalExecutionId: token,
      willFail: false,
      dueTime: Math.min(timeout, autoAt),
      ...(auto && autoAt < timeout && { autoDecision: { status: auto.status, by: auto.by ?? "scenario", summary: auto.summary } }),
    };
  }

  const willFail = (behaviour.failOnRuns ?? []).includes(run) || rng.next() < (behaviour.failureRate ?? 0);
  // Custom and third-party actions wait for a job worker unless the scenario simulates them.
  const simulated = type.owner === "AWS" || (behaviour.durationSeconds !== undefined && run <= (behaviour.simulatedRuns ?? Infinity));
  const duration: Seconds = behaviour.durationSeconds ?? DEFAULT_DURATION[category] ?? [30, 120];
  const dueTime = simulated ? now + Math.max(1, Math.round(rng.seconds(duration))) * 1000 : undefined;
  const externalExecutionId = externalIdFor(rng, type.provider!, config);
  const template = behaviour.externalExecutionUrl ?? findAwsActionType(category, type.provider!)?.executionUrlTemplate;
  const externalExecutionUrl = template
    ? fillTemplate(template.replace("{executionId}", execution.id).replace("{actionExecutionId}", actionExecutionId), config, { ExternalExecutionId: externalExecutionId })
    : undefined;
  const planned: PlannedRun = { dueTime, willFail, externalExecutionId, externalExecutionUrl };
  if (category === "Source") Object.assign(planned, planSourceRevision(rng, now, pipeline, execution, stage, action, run, dueTime ?? now));
  else if (behaviour.outputVariables) {
    const values: Record<string, string> = { BuildNumber: String(run), ExternalExecutionId: externalExecutionId };
    planned.outputVariables = Object.fromEntries(
      Object.entries(behaviour.outputVariables).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m)]),
    );
  }
  return planned;
}

function externalIdFor(rng: Random, provider: string, config: Record<string, string>): string {
  switch (provider) {
    case "CodeBuild":
      return `${config.ProjectName ?? "project"}:${rng.uuid()}`;
    case "CodeDeploy":
    case "CodeDeployToECS":
      return `d-${rng.hex(9).toUpperCase()}`;
    default:
      return rng.uuid();
  }
}

function planSourceRevision(
  rng: Random,
  now: number,
  pipeline: PipelineRecord,
  execution: ExecutionRecord,
  stage: string,
  action: ActionDeclaration,
  run: number,
  created: number,
): Partial<PlannedRun> {
  const provider = action.actionTypeId!.provider!;
  const config = action.configuration ?? {};
  const source = behaviourOf(pipeline, stage, action.name!).source;
  const override = execution.sourceRevisionOverrides.find((o) => o.actionName === action.name);
  const rollbackRevision = execution.artifactRevisions.find((a) => action.outputArtifacts?.some((o) => o.name === a.name));
  const commits = source?.commits?.length ? source.commits : DEFAULT_COMMITS;
  const commit = commits[(run - 1) % commits.length];
  const revisionId =
    override?.revisionValue ??
    rollbackRevision?.revisionId ??
    (provider === "ECR" ? `sha256:${rng.hex(64)}` : provider === "S3" ? rng.hex(32) : rng.hex(40));
  // When the commit was made: `commitAgeSeconds` before the source ran, drawn from the revision id so that no
  // random number is taken from the engine's sequence (every other pipeline's history stays as it was).
  const committed = source?.commitAgeSeconds === undefined ? created : now - spread(source.commitAgeSeconds, revisionId) * 1000;
  const repository = source?.repository ?? config.FullRepositoryId ?? config.RepositoryName ?? config.S3Bucket ?? "example/repository";
  const branch = config.BranchName ?? "main";
  let url: string | undefined;
  if (source?.revisionUrlTemplate) url = source.revisionUrlTemplate.replace("{commitId}", revisionId);
  else if (provider === "CodeStarSourceConnection" || source) url = `https://github.com/${repository}/commit/${revisionId}`;
  else {
    const template = findAwsActionType("Source", provider)?.revisionUrlTemplate;
    if (template) url = fillTemplate(template, config, { RevisionId: revisionId });
  }
  const json = source?.jsonSummary ?? provider === "CodeStarSourceConnection";
  const summary = json ? JSON.stringify({ ProviderType: "GitHub", CommitMessage: commit.message }) : commit.message;
  const outputVariables: Record<string, string> =
    provider === "S3"
      ? { VersionId: revisionId, ETag: rng.hex(32) }
      : provider === "ECR"
        ? { ImageDigest: revisionId, ImageTag: config.ImageTag ?? "latest", RepositoryName: repository }
        : {
            CommitId: revisionId,
            CommitMessage: commit.message,
            AuthorDisplayName: commit.author,
            BranchName: branch,
            ...(provider === "CodeStarSourceConnection" ? { FullRepositoryName: repository, ConnectionArn: config.ConnectionArn ?? "" } : { RepositoryName: repository }),
            AuthorDate: new Date(source?.commitAgeSeconds === undefined ? now : committed).toISOString(),
          };
  return { revision: { revisionId, revisionChangeId: revisionId, created: committed, summary, url }, outputVariables };
}

/** A value of `range` picked by `key`'s hash (FNV-1a): stable for the same key, spread across keys. */
function spread(range: Seconds, key: string): number {
  if (typeof range === "number") return range;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return range[0] + ((hash >>> 0) % (range[1] - range[0] + 1));
}

export function defaultError(category: string): { code: string; message: string } {
  return DEFAULT_ERROR[category] ?? { code: "JobFailed", message: "The action failed." };
}
