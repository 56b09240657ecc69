// Small typed builders for the demo's pipelines: each returns the SDK's own declaration shapes, filled
// with the configuration keys the real action providers take, so a pipeline reads like its console view.
import type {
  ActionDeclaration,
  ActionTypeId,
  Condition,
  ExecutionMode,
  PipelineDeclaration,
  PipelineTriggerDeclaration,
  PipelineVariableDeclaration,
  StageDeclaration,
  Tag,
} from "@aws-sdk/client-codepipeline";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const ORG = "tidewater";
export const ARTIFACT_BUCKET = `codepipeline-${REGION}-7f3c91d2e0a4`;
export const CONNECTION_ARN = `arn:aws:codestar-connections:${REGION}:${ACCOUNT}:connection/4d7c2e1a-9b3f-4c8e-a5d6-0f1e2b3c4d5e`;
export const CONSOLE = `https://${REGION}.console.aws.amazon.com`;

type Category = ActionTypeId["category"];

function type(category: Category, provider: string, owner: ActionTypeId["owner"] = "AWS"): ActionTypeId {
  return { category, owner, provider, version: "1" };
}

const artifacts = (names: string | string[] | undefined) =>
  names === undefined ? undefined : (Array.isArray(names) ? names : [names]).map((name) => ({ name }));

interface Common {
  runOrder?: number;
  namespace?: string;
  timeoutInMinutes?: number;
  /** A cross-region action: the pipeline needs an artifact store there too (PipelineSpec.artifactRegions). */
  region?: string;
}

function action(
  name: string,
  actionTypeId: ActionTypeId,
  configuration: Record<string, string>,
  io: { in?: string | string[]; out?: string | string[] },
  common: Common = {},
): ActionDeclaration {
  return {
    name,
    actionTypeId,
    runOrder: common.runOrder ?? 1,
    configuration,
    inputArtifacts: artifacts(io.in) ?? [],
    outputArtifacts: artifacts(io.out) ?? [],
    ...(common.namespace ? { namespace: common.namespace } : {}),
    ...(common.timeoutInMinutes ? { timeoutInMinutes: common.timeoutInMinutes } : {}),
    ...(common.region ? { region: common.region } : {}),
  };
}

// ---- Source ---------------------------------------------------------------------------------------

/** GitHub through a CodeStar connection (what the console's "GitHub (via GitHub App)" creates). */
export function githubSource(repo: string, branch = "main", out = "SourceOutput", name = "Source"): ActionDeclaration {
  return action(
    name,
    type("Source", "CodeStarSourceConnection"),
    {
      ConnectionArn: CONNECTION_ARN,
      FullRepositoryId: `${ORG}/${repo}`,
      BranchName: branch,
      OutputArtifactFormat: "CODE_ZIP",
      DetectChanges: "true",
    },
    { out },
    { namespace: "SourceVariables" },
  );
}

export function codeCommitSource(repo: string, branch = "master", out = "SourceOutput"): ActionDeclaration {
  return action(
    "Source",
    type("Source", "CodeCommit"),
    { RepositoryName: repo, BranchName: branch, PollForSourceChanges: "false" },
    { out },
  );
}

export function s3Source(name: string, bucket: string, key: string, out: string): ActionDeclaration {
  return action(name, type("Source", "S3"), { S3Bucket: bucket, S3ObjectKey: key, PollForSourceChanges: "false" }, { out });
}

export function ecrSource(repo: string, tag = "latest", out = "ImageOutput"): ActionDeclaration {
  return action("Image", type("Source", "ECR"), { RepositoryName: repo, ImageTag: tag }, { out });
}

// ---- Build and test -------------------------------------------------------------------------------

export function codeBuild(
  name: string,
  project: string,
  io: { in: string | string[]; out?: string | string[] },
  opts: Common & { category?: "Build" | "Test"; env?: Record<string, string> } = {},
): ActionDeclaration {
  const inputs = Array.isArray(io.in) ? io.in : [io.in];
  const configuration: Record<string, string> = { ProjectName: project };
  if (inputs.length > 1) configuration.PrimarySource = inputs[0];
  if (opts.env) {
    configuration.EnvironmentVariables = JSON.stringify(
      Object.entries(opts.env).map(([n, value]) => ({ name: n, value, type: "PLAINTEXT" })),
    );
  }
  return action(name, type(opts.category ?? "Build", "CodeBuild"), configuration, io, opts);
}

/** The Commands action (V2 pipelines): shell commands on CodePipeline's own compute, logged to CloudWatch Logs. */
export function commandsAction(name: string, commands: string[], io: { in: string | string[]; out?: string }, common: Common = {}): ActionDeclaration {
  return { ...action(name, type("Compute", "Commands"), {}, io, common), commands };
}

export function deviceFarm(name: string, projectId: string, app: string, input: string, common: Common = {}): ActionDeclaration {
  return action(
    name,
    type("Test", "DeviceFarm"),
    {
      ProjectId: projectId,
      DevicePoolArn: `arn:aws:devicefarm:us-west-2:${ACCOUNT}:devicepool:${projectId}/top-devices`,
      AppType: app.endsWith(".ipa") ? "iOS" : "Android",
      App: app,
      TestType: "APPIUM_NODE",
      RecordVideo: "true",
    },
    { in: input },
    common,
  );
}

// ---- Deploy ---------------------------------------------------------------------------------------

export function ecsDeploy(name: string, cluster: string, service: string, input: string, common: Common = {}): ActionDeclaration {
  return action(
    name,
    type("Deploy", "ECS"),
    { ClusterName: cluster, ServiceName: service, FileName: "imagedefinitions.json", DeploymentTimeout: "30" },
    { in: input },
    common,
  );
}

/** The EC2 deploy action (V2 pipelines): every instance tagged `tag`, `maxBatch` at a time, with pre- and post-deploy scripts. */
export function ec2Deploy(name: string, tag: [key: string, value: string], input: string, opts: Common & { maxBatch?: number } = {}): ActionDeclaration {
  return action(
    name,
    type("Deploy", "EC2"),
    {
      InstanceTagKey: tag[0],
      InstanceTagValue: tag[1],
      InstanceType: "EC2",
      TargetDirectory: "/opt/app",
      PreScript: "scripts/stop-service.sh",
      PostScript: "scripts/start-and-check.sh",
      MaxBatch: String(opts.maxBatch ?? 1),
      MaxError: "0",
    },
    { in: input },
    opts,
  );
}

export function ecsBlueGreen(name: string, app: string, group: string, input: string, common: Common = {}): ActionDeclaration {
  return action(
    name,
    type("Deploy", "CodeDeployToECS"),
    {
      ApplicationName: app,
      DeploymentGroupName: group,
      TaskDefinitionTemplateArtifact: input,
      TaskDefinitionTemplatePath: "taskdef.json",
      AppSpecTemplateArtifact: input,
      AppSpecTemplatePath: "appspec.yaml",
      Image1ArtifactName: input,
      Image1ContainerName: "IMAGE1_NAME",
    },
    { in: input },
    common,
  );
}

type CfnMode = "CREATE_UPDATE" | "CHANGE_SET_REPLACE" | "CHANGE_SET_EXECUTE" | "REPLACE_ON_FAILURE";

export function cloudFormation(
  name: string,
  stack: string,
  mode: CfnMode,
  opts: Common & { in?: string; template?: string; params?: string; changeSet?: string; out?: string } = {},
): ActionDeclaration {
  const configuration: Record<string, string> = {
    ActionMode: mode,
    StackName: stack,
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudFormationDeployRole`,
  };
  if (mode !== "CHANGE_SET_EXECUTE") {
    configuration.TemplatePath = opts.template ?? `${opts.in}::packaged.yaml`;
    configuration.Capabilities = "CAPABILITY_IAM,CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND";
    if (opts.params) configuration.TemplateConfiguration = opts.params;
  }
  if (mode.startsWith("CHANGE_SET")) configuration.ChangeSetName = opts.changeSet ?? `${stack}-changes`;
  if (opts.out) configuration.OutputFileName = "outputs.json";
  return action(name, type("Deploy", "CloudFormation"), configuration, { in: mode === "CHANGE_SET_EXECUTE" ? undefined : opts.in, out: opts.out }, opts);
}

export function codeDeploy(name: string, app: string, group: string, input: string, common: Common = {}): ActionDeclaration {
  return action(name, type("Deploy", "CodeDeploy"), { ApplicationName: app, DeploymentGroupName: group }, { in: input }, common);
}

export function s3Deploy(name: string, bucket: string, input: string, common: Common = {}): ActionDeclaration {
  return action(
    name,
    type("Deploy", "S3"),
    { BucketName: bucket, Extract: "true", CacheControl: "public, max-age=300" },
    { in: input },
    common,
  );
}

// ---- Invoke and approval --------------------------------------------------------------------------

export function lambdaInvoke(name: string, fn: string, params: Record<string, string> | undefined, common: Common & { in?: string } = {}): ActionDeclaration {
  const configuration: Record<string, string> = { FunctionName: fn };
  if (params) configuration.UserParameters = JSON.stringify(params);
  return action(name, type("Invoke", "Lambda"), configuration, { in: common.in }, common);
}

export function stepFunctions(name: string, stateMachine: string, input: object, common: Common & { in?: string } = {}): ActionDeclaration {
  return action(
    name,
    type("Invoke", "StepFunctions"),
    {
      StateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${stateMachine}`,
      ExecutionNamePrefix: stateMachine,
      InputType: "Literal",
      Input: JSON.stringify(input),
    },
    { in: common.in },
    common,
  );
}

export function approval(
  name: string,
  opts: Common & { customData: string; link?: string; topic?: string },
): ActionDeclaration {
  const configuration: Record<string, string> = { CustomData: opts.customData };
  if (opts.link) configuration.ExternalEntityLink = opts.link;
  configuration.NotificationArn = `arn:aws:sns:${REGION}:${ACCOUNT}:${opts.topic ?? "pipeline-approvals"}`;
  return action(name, type("Approval", "Manual"), configuration, {}, opts);
}

// ---- Stages and pipelines -------------------------------------------------------------------------

export function stage(name: string, actions: ActionDeclaration[], extra: Omit<StageDeclaration, "name" | "actions"> = {}): StageDeclaration {
  return { name, actions, ...extra };
}

export function rule(name: string, provider: string, configuration: Record<string, string>): NonNullable<Condition["rules"]>[number] {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" }, configuration };
}

export interface PipelineSpec {
  name: string;
  type?: "V1" | "V2";
  mode?: ExecutionMode;
  stages: StageDeclaration[];
  variables?: PipelineVariableDeclaration[];
  triggers?: PipelineTriggerDeclaration[];
  /** Regions of cross-region actions: each gets an artifact store, as CodePipeline requires. */
  artifactRegions?: string[];
}

export function pipeline(spec: PipelineSpec): PipelineDeclaration {
  const v2 = (spec.type ?? "V2") === "V2";
  return {
    name: spec.name,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSCodePipelineServiceRole-${REGION}-${spec.name}`,
    ...(spec.artifactRegions
      ? {
          artifactStores: Object.fromEntries(
            [REGION, ...spec.artifactRegions].map((region) => [region, { type: "S3" as const, location: ARTIFACT_BUCKET.replace(REGION, region) }]),
          ),
        }
      : { artifactStore: { type: "S3" as const, location: ARTIFACT_BUCKET } }),
    stages: spec.stages,
    version: 1,
    pipelineType: v2 ? "V2" : "V1",
    ...(v2 ? { executionMode: spec.mode ?? "SUPERSEDED" } : {}),
    ...(spec.variables ? { variables: spec.variables } : {}),
    ...(spec.triggers ? { triggers: spec.triggers } : {}),
  };
}

/** A push trigger on the given branches (and optional file paths) of the source action. */
export function pushTrigger(sourceActionName: string, branches: string[], filePaths?: string[]): PipelineTriggerDeclaration {
  return {
    providerType: "CodeStarSourceConnection",
    gitConfiguration: {
      sourceActionName,
      push: [{ branches: { includes: branches }, ...(filePaths ? { filePaths: { includes: filePaths } } : {}) }],
    },
  };
}

export function pullRequestTrigger(sourceActionName: string, branches: string[]): PipelineTriggerDeclaration {
  return {
    providerType: "CodeStarSourceConnection",
    gitConfiguration: {
      sourceActionName,
      pullRequest: [{ events: ["OPEN", "UPDATED"], branches: { includes: branches } }],
    },
  };
}

export function tags(values: { team: string; env: string; service: string } & Record<string, string>): Tag[] {
  return Object.entries(values).map(([key, value]) => ({ key, value }));
}

// ---- Links ----------------------------------------------------------------------------------------

export const links = {
  codeBuild: (project: string, region = REGION) => `https://${region}.console.aws.amazon.com/codesuite/codebuild/${ACCOUNT}/projects/${project}?region=${region}`,
  ecsService: (cluster: string, service: string) =>
    `${CONSOLE}/ecs/v2/clusters/${cluster}/services/${service}/health?region=${REGION}`,
  stack: (stack: string) => `${CONSOLE}/cloudformation/home?region=${REGION}#/stacks?filteringText=${stack}`,
  lambda: (fn: string) => `${CONSOLE}/lambda/home?region=${REGION}#/functions/${fn}`,
  stateMachine: (sm: string) => `${CONSOLE}/states/home?region=${REGION}#/statemachines/view/arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${sm}`,
  bucket: (bucket: string) => `https://s3.console.aws.amazon.com/s3/buckets/${bucket}?region=${REGION}`,
  repo: (repo: string) => `https://github.com/${ORG}/${repo}`,
};
