import type {
  ActionTypeDeclaration,
  ApprovalStatus,
  CreateCustomActionTypeInput,
  PipelineDeclaration,
  SourceRevisionOverride,
  Tag,
  PipelineVariable,
  TriggerType,
} from "@aws-sdk/client-codepipeline";

/**
 * A scenario is the emulator's world: pipelines, how their actions behave, what already happened
 * (history) and what happens next (timeline and background traffic). It is plain JSON, so it can be
 * written by hand, loaded with `POST /_emulator/scenario`, or generated in TypeScript (the demo).
 *
 * All randomness comes from one generator seeded with `seed`: the same scenario, seed and calls
 * replay the same executions, ids, durations and failures.
 */
export interface Scenario {
  /** Seed for the random generator (default 1). */
  seed?: number;
  /**
   * How far back history starts, in days before load time (default 0: no history).
   * On load the engine fast-forwards from then to now, running timeline events and traffic, so
   * history is produced by the same engine that runs live executions. Traffic starts this far back;
   * a pipeline's timeline events may start earlier (history then starts at the earliest of them).
   */
  historyDays?: number;
  /** Background traffic: pipelines with `traffic` keep getting new executions (default true). */
  traffic?: boolean;
  /** Custom action types registered before the pipelines are created (as CreateCustomActionType takes them). */
  customActionTypes?: ScenarioCustomActionType[];
  /** Action types a provider account offers through an integration model (owner ThirdParty), as GetActionType describes them. */
  actionTypes?: ScenarioActionType[];
  pipelines: ScenarioPipeline[];
}

export interface ScenarioCustomActionType extends CreateCustomActionTypeInput {
  /** Default 123456789012. */
  accountId?: string;
  /** Default us-east-1. */
  region?: string;
}

export interface ScenarioActionType extends ActionTypeDeclaration {
  /** The provider's account: default 123456789012. */
  accountId?: string;
  /** Default us-east-1. */
  region?: string;
}

export interface ScenarioPipeline {
  /** Default 123456789012, the account of the built-in `test` key. */
  accountId?: string;
  /** Default us-east-1. */
  region?: string;
  /** The pipeline exactly as CreatePipeline takes it. */
  declaration: PipelineDeclaration;
  tags?: Tag[];
  /** Behaviour per action, keyed `"<stageName>.<actionName>"`; unlisted actions use category defaults. */
  actions?: Record<string, ActionBehaviour>;
  /** Starts executions on its own every so often while traffic is on. */
  traffic?: TrafficBehaviour;
  /** Things that happen at fixed times, in seconds relative to load time (negative = in the past). */
  timeline?: ScenarioEvent[];
  /**
   * Extension: behaviour of stage conditions, keyed `"<stageName>.beforeEntry"`, `"<stageName>.onSuccess"`
   * or `"<stageName>.onFailure"` (default: every rule takes 5-30 s and succeeds).
   */
  conditions?: Record<string, ConditionBehaviour>;
  /**
   * Extension: start an execution (trigger `CreatePipeline`) when the pipeline is created at the start
   * of history, as CreatePipeline does on AWS (default false: executions come from timeline and traffic).
   */
  startOnCreate?: boolean;
}

/** Extension: how a stage condition's rules behave. */
export interface ConditionBehaviour {
  durationSeconds?: Seconds;
  failureRate?: number;
  /** Evaluations (1-based, per stage and condition kind) that fail for sure. */
  failOnRuns?: number[];
}

/** Seconds: a fixed number, or `[min, max]` drawn uniformly from the seeded generator. */
export type Seconds = number | [number, number];

export interface ActionBehaviour {
  /** How long a run takes (default by category: Source 5-20 s, Build 60-300 s, Test 60-240 s, Deploy 60-180 s, Invoke 5-60 s). */
  durationSeconds?: Seconds;
  /** Probability in [0, 1] that a run fails (default 0). */
  failureRate?: number;
  /** Runs (1-based count of this action's runs since load, history included) that fail for sure. */
  failOnRuns?: number[];
  /** Error reported when a run fails (default a category-specific message). */
  error?: { code: string; message: string };
  /** `summary` reported on success. */
  summary?: string;
  /**
   * Output variables a successful run reports (what a CodeBuild buildspec's `exported-variables` gives),
   * for `#{Namespace.KEY}` references downstream; `{BuildNumber}` (this action's run count) and
   * `{ExternalExecutionId}` are filled in. Source actions report their provider's own variables.
   */
  outputVariables?: Record<string, string>;
  /** `externalExecutionUrl` template; `{executionId}` and `{actionExecutionId}` are replaced. */
  externalExecutionUrl?: string;
  /** `entityUrl` of the action state (console link of the build project, bucket, function...). */
  entityUrl?: string;
  /** Source actions: what the repository produces. */
  source?: SourceBehaviour;
  /**
   * Extension, custom and third-party actions with `durationSeconds`: only runs 1..N (the same count as
   * `failOnRuns`) are simulated, as if a job worker ran them; later runs queue jobs for a real worker.
   * Default: every run is simulated.
   */
  simulatedRuns?: number;
  /**
   * Extension, EC2 and ECS deploy actions: the instances the EC2 action's tag matches (default 3; ECS
   * deploys to its one service), the one (1-based) that fails on a failing run (default the last), and
   * its failing event's message.
   */
  deployTargets?: { count?: number; failingTarget?: number; message?: string };
  /** Approval actions: decide by themselves after a delay (traffic only; default: wait for a human). */
  autoDecision?: { status: ApprovalStatus; afterSeconds: Seconds; by?: string; summary?: string };
  /**
   * Extension, CodeBuild and Commands actions: what the run's build and log say (engine/builds.ts,
   * engine/run-logs.ts). Default: a buildspec in the style of the project's toolchain (Gradle, Xcode,
   * Terraform or npm, guessed from the project name), a log of about 120 lines plus one per 2 s of
   * build, and for a failing run the last command of BUILD exiting with status 1.
   */
  build?: BuildBehaviour;
}

/** Extension: a simulated build's buildspec, failure and log (CodeBuild and Commands actions). */
export interface BuildBehaviour {
  /** Commands per buildspec phase (Commands actions run the action's own `commands` in BUILD). */
  commands?: { install?: string[]; preBuild?: string[]; build?: string[]; postBuild?: string[] };
  /** The phase a failing run fails in (default BUILD): its last command exits with status 1. */
  failingPhase?: "INSTALL" | "PRE_BUILD" | "BUILD" | "POST_BUILD";
  /** What the failing command prints before it exits (default: the action's `error` message line by line, else the toolchain's). */
  failureOutput?: string[];
  /** About how many lines a whole run's log has (default from the duration; at most 1,000,000). Lines are made when read, never stored. */
  logLines?: number;
  /** Logs are kept this many days after the build ends, then its log stream is gone (default: kept, as CodeBuild's log groups never expire). */
  logRetentionDays?: number;
}

export interface SourceBehaviour {
  /** Shown in revision URLs, e.g. `acme/web-app`. */
  repository: string;
  /** `revisionUrl` template; `{commitId}` is replaced. Default GitHub-style. */
  revisionUrlTemplate?: string;
  /** Commits handed out in order (cycling); ids are drawn from the seeded generator. */
  commits: { message: string; author: string }[];
  /**
   * How long before the source action ran each commit was made (its `created` and `AuthorDate`), for lead
   * times (default: the moment the source ran).
   */
  commitAgeSeconds?: Seconds;
  /** Revision summary as JSON `{"ProviderType":"GitHub","CommitMessage":...}` like CodeStar connections (default true). */
  jsonSummary?: boolean;
}

export interface TrafficBehaviour {
  /** Time between starts. */
  everySeconds: Seconds;
  /** Trigger recorded on the started executions (default: what the source sends, see source-trigger.ts). */
  triggerType?: TriggerType;
  /** `triggerDetail` recorded with it (default: AWS's for that trigger: the connection, webhook or rule ARN). */
  triggerDetail?: string;
}

export type ScenarioEvent =
  | {
      at: number;
      type: "start";
      variables?: PipelineVariable[];
      sourceRevisions?: SourceRevisionOverride[];
      /** Default StartPipelineExecution: a person's start. */
      triggerType?: TriggerType;
      /** Default AWS's for the trigger type: `by`'s ARN for a person's start, the source's connection, webhook or rule otherwise. */
      triggerDetail?: string;
      /** The IAM user who started it (default `scenario`). */
      by?: string;
    }
  | { at: number; type: "stop"; abandon?: boolean; reason?: string }
  | { at: number; type: "disableTransition"; stageName: string; reason: string; by?: string }
  | { at: number; type: "enableTransition"; stageName: string }
  | { at: number; type: "approve" | "reject"; stageName: string; actionName: string; summary?: string; by?: string }
  | { at: number; type: "retry"; stageName: string; retryMode?: "FAILED_ACTIONS" | "ALL_ACTIONS" }
  | { at: number; type: "rollback"; stageName: string };
