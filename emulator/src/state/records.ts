import type {
  ActionExecutionStatus,
  ActionTypeDeclaration,
  ApprovalStatus,
  ArtifactRevision,
  ConditionExecutionStatus,
  JobStatus,
  ExecutionMode,
  ExecutionTrigger,
  ExecutionType,
  PipelineDeclaration,
  PipelineExecutionStatus,
  RetryTrigger,
  RuleExecutionStatus,
  SourceRevisionOverride,
  StageExecutionStatus,
  Tag,
  WebhookDefinition,
} from "@aws-sdk/client-codepipeline";
import type { ScenarioPipeline } from "../scenario/types";

/*
 * The emulator's state as plain JSON-safe records: times are epoch milliseconds (views turn them
 * into Dates), references are ids, so `snapshot` is a deep copy and `restore` a parse.
 */

export type EpochMs = number;

export interface WorldRecord {
  /** Keyed `<accountId>/<region>`. */
  regions: Record<string, RegionRecord>;
}

export interface RegionRecord {
  accountId: string;
  region: string;
  pipelines: Record<string, PipelineRecord>;
  customActionTypes: CustomActionTypeRecord[];
  /** Action types of the integration model (owner ThirdParty or AWS) this account provides: GetActionType, UpdateActionType. */
  actionTypeDeclarations?: ActionTypeDeclaration[];
  /** Jobs of custom and third-party actions by id, oldest first (absent in older snapshots). */
  jobs?: Record<string, JobRecord>;
  /** Webhooks by name (absent until the first PutWebhook). */
  webhooks?: Record<string, WebhookRecord>;
  /** CodeBuild builds run here (for a pipeline here or elsewhere), by build id `PROJECT:uuid` (BatchGetBuilds). */
  builds?: Record<string, ActionRunRef>;
  /** The last build number per CodeBuild project (a project's first build is 1). */
  buildNumbers?: Record<string, number>;
  /** CloudWatch Logs streams by log group, then stream name: each is an action run's log (GetLogEvents, FilterLogEvents). */
  logStreams?: Record<string, Record<string, ActionRunRef>>;
}

/** Where an action run lives: builds and logs are in the build's account and region, the run in its pipeline's. */
export interface ActionRunRef {
  /** `<accountId>/<region>` of the pipeline. */
  scope: string;
  pipeline: string;
  actionExecutionId: string;
}

/** One unit of work handed to a job worker; a continuation token makes a follow-up job for the same action run. */
export interface JobRecord {
  id: string;
  kind: "Custom" | "ThirdParty";
  status: JobStatus;
  nonce: string;
  pipeline: string;
  actionExecutionId: string;
  actionTypeId: { category: string; owner: string; provider: string; version: string };
  created: EpochMs;
  /** When the last poll handed it out (the acknowledgement deadline counts from here). */
  dispatchedAt?: EpochMs;
  finishedAt?: EpochMs;
  continuationToken?: string;
  /** Third-party jobs: the client the partner answers for. */
  clientId?: string;
  clientToken?: string;
}

export interface WebhookRecord {
  /** As PutWebhook took it, secret token included (the API redacts it). */
  definition: WebhookDefinition;
  arn: string;
  url: string;
  tags: Tag[];
  lastTriggered?: EpochMs;
  /** RegisterWebhookWithThirdParty was called (and DeregisterWebhookWithThirdParty not since). */
  registeredWithThirdParty: boolean;
}

export interface CustomActionTypeRecord {
  category: string;
  provider: string;
  version: string;
  settings?: Record<string, string>;
  configurationProperties?: unknown[];
  inputArtifactDetails: { minimumCount: number; maximumCount: number };
  outputArtifactDetails: { minimumCount: number; maximumCount: number };
  tags: Tag[];
}

export interface TransitionRecord {
  enabled: boolean;
  lastChangedBy?: string;
  lastChangedAt?: EpochMs;
  disabledReason?: string;
}

export interface PipelineRecord {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  /** Every version of the declaration; `versions[n - 1]` is version n. */
  versions: PipelineDeclaration[];
  created: EpochMs;
  updated: EpochMs;
  tags: Tag[];
  /** Per stage name. Outbound of stage i gates entry to stage i + 1 like the inbound of i + 1. */
  inbound: Record<string, TransitionRecord>;
  outbound: Record<string, TransitionRecord>;
  /** The execution that last entered each stage (what GetPipelineState shows). */
  stageLatest: Record<string, string>;
  /** The latest action execution per `"<stage>.<action>"`. */
  actionLatest: Record<string, string>;
  /** Executions held in front of a stage (locked stage or disabled transition), oldest first. */
  waiting: Record<string, string[]>;
  executions: Record<string, ExecutionRecord>;
  /** Execution ids, oldest first. */
  executionOrder: string[];
  /** Executions still InProgress or Stopping (kept so the engine never scans history). */
  active: string[];
  actionExecutions: Record<string, ActionExecutionRecord>;
  actionExecutionOrder: string[];
  ruleExecutions: Record<string, RuleExecutionRecord>;
  ruleExecutionOrder: string[];
  /** Runs per `"<stage>.<action>"` since creation: drives `failOnRuns` and commit cycling. */
  runCounts: Record<string, number>;
  /** StartPipelineExecution idempotency: clientRequestToken → execution id. */
  requestTokens: Record<string, string>;
  /** Scenario behaviour (actions, conditions); absent for pipelines created through the API. */
  behaviour?: Pick<ScenarioPipeline, "actions" | "conditions" | "traffic">;
}

export type StagePhase = "waiting" | "beforeEntry" | "actions" | "onSuccess";

export interface ExecutionRecord {
  id: string;
  /** Creation order within the pipeline: "newer" means a higher ordinal, whatever the clock says. */
  ordinal: number;
  pipelineName: string;
  pipelineVersion: number;
  status: PipelineExecutionStatus;
  statusSummary?: string;
  startTime: EpochMs;
  lastUpdateTime: EpochMs;
  trigger: ExecutionTrigger;
  executionMode: ExecutionMode;
  executionType: ExecutionType;
  rollbackTargetId?: string;
  variables: { name: string; value: string }[];
  sourceRevisionOverrides: SourceRevisionOverride[];
  artifactRevisions: ArtifactRevision[];
  /** S3 object key of each artifact this execution produced. */
  artifactLocations: Record<string, string>;
  /** Per source action: what it produced (for `sourceRevisions` in summaries). */
  sourceRevisions: { actionName: string; revisionId: string; revisionSummary?: string; revisionUrl?: string }[];
  stopReason?: string;
  /** `wait` while Stopping after a stop-and-wait. */
  stopMode?: "wait" | "abandon";
  /** Where the execution is; absent once it has finished. */
  position?: { stage: string; phase: StagePhase };
  /** Stages this execution has entered, by name. */
  stages: Record<string, StageRunRecord>;
  /** Rollback executions run only this stage. */
  onlyStage?: string;
  clientRequestToken?: string;
}

export interface StageRunRecord {
  status: StageExecutionStatus;
  /** The runOrder of the group running now (or that ran last). */
  runOrder?: number;
  /** Latest action execution id per action name. */
  actions: Record<string, string>;
  conditions: Partial<Record<ConditionKind, ConditionRunRecord>>;
  manualRetries: number;
  autoRetries: number;
  latestRetryTrigger?: RetryTrigger;
}

export type ConditionKind = "beforeEntry" | "onSuccess" | "onFailure";

export interface ConditionRunRecord {
  status: ConditionExecutionStatus;
  summary?: string;
  lastStatusChange: EpochMs;
  /** Rule execution ids in declaration order, per condition of the stage declaration. */
  rules: string[][];
}

export interface RuleExecutionRecord {
  id: string;
  pipelineExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  ruleName: string;
  ruleTypeId: { category: string; owner?: string; provider: string; version?: string };
  configuration: Record<string, string>;
  /** Variables resolved at the rule's start (absent in older snapshots: then the configuration). */
  resolvedConfiguration?: Record<string, string>;
  /** References that did not resolve: the rule fails. */
  unresolved?: string[];
  startTime: EpochMs;
  lastUpdateTime: EpochMs;
  dueTime: EpochMs;
  willFail: boolean;
  status: RuleExecutionStatus;
  summary?: string;
  errorDetails?: { code: string; message: string };
  updatedBy?: string;
}

export interface ActionExecutionRecord {
  id: string;
  pipelineExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  actionName: string;
  startTime: EpochMs;
  lastUpdateTime: EpochMs;
  /** When the simulated run ends (absent: waits for someone, e.g. approvals and custom actions). */
  dueTime?: EpochMs;
  status: ActionExecutionStatus;
  summary?: string;
  updatedBy?: string;
  token?: string;
  approval?: { status: ApprovalStatus; at: EpochMs };
  /** Scenario approvals that decide by themselves at `dueTime` (otherwise `dueTime` is the timeout). */
  autoDecision?: { status: ApprovalStatus; by: string; summary?: string };
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: { code: string; message: string };
  /** Decided at start from the seeded generator so a run's outcome never depends on read timing. */
  willFail: boolean;
  /** The error a failing run reports instead of the scenario's (variables that did not resolve). */
  plannedError?: { code: string; message: string };
  outputVariables?: Record<string, string>;
  revision?: { revisionId: string; revisionChangeId: string; created: EpochMs; summary: string; url?: string };
  /** Snapshot of the resolved declaration for ListActionExecutions `input`. */
  resolvedConfiguration: Record<string, string>;
  inputArtifactKeys: Record<string, string>;
  outputArtifactKeys: Record<string, string>;
  /** Custom and third-party actions: the job a worker should be doing now. */
  jobId?: string;
  /** `executionDetails.percentComplete` last reported by the job worker. */
  reportedPercent?: number;
  /** EC2 and ECS deploy actions: what the run deploys to, planned at its start (see engine/deploy-targets.ts). */
  deployTargets?: DeployTargetRecord[];
  /** CodeBuild actions: the build the run started (its id is `externalExecutionId`; see engine/builds.ts). */
  build?: { accountId: string; region: string; number: number };
  /** Commands actions and builds: the run's CloudWatch Logs stream (see engine/run-logs.ts). */
  logStream?: { accountId: string; region: string; group: string; stream: string };
}

export interface DeployTargetRecord {
  targetId: string;
  targetType: string;
  /** Never reached: a batch before it failed. */
  skipped?: true;
  events: DeployTargetEventRecord[];
}

export interface DeployTargetEventRecord {
  name: string;
  start: EpochMs;
  end: EpochMs;
  failed: boolean;
  message: string;
  ssmCommandId?: string;
}
