/**
 * The one source of the dashboard's IAM permissions: which CodePipeline actions each view calls, and the
 * policy documents built from them. The CDK stacks attach these documents as they are, and
 * `npm run iam-policies -w deploy` writes the same documents, with example account ids, to
 * deploy/iam-policy-*.json and deploy/trust-policy-*.json for people who create the roles by hand; a test
 * fails when the committed files differ from what this module generates.
 */

/**
 * What each view of the dashboard calls, as the README's table shows it: `codepipeline:` actions by name, the
 * other services' (`codebuild:`, `logs:`) in `services`, granted as SERVICE_READS says.
 */
export const VIEWS: readonly { view: string; read: readonly string[]; operate?: readonly string[]; services?: readonly ServiceRead[] }[] = [
  { view: "Pipelines overview", read: ["ListPipelines", "GetPipelineState", "ListPipelineExecutions"] },
  {
    view: "Pipeline page (graph, history, executions)",
    read: ["GetPipeline", "GetPipelineState", "ListPipelineExecutions", "GetPipelineExecution", "ListActionExecutions"],
  },
  { view: "Pipeline definition (view)", read: ["GetPipeline", "ListTagsForResource"] },
  { view: "Approvals inbox", read: ["ListPipelines", "GetPipelineState", "ListPipelineExecutions", "ListActionExecutions"], operate: ["PutApprovalResult"] },
  { view: "Wall display", read: ["ListPipelines", "GetPipelineState", "ListPipelineExecutions", "GetPipeline", "ListTagsForResource"] },
  { view: "Insights (page and tab)", read: ["ListPipelines", "ListPipelineExecutions", "ListActionExecutions", "GetPipeline", "ListTagsForResource"] },
  {
    view: "Action details (panel), deploy target counts",
    read: ["ListActionExecutions", "ListDeployActionExecutionTargets"],
    services: ["codebuild:BatchGetBuilds", "logs:GetLogEvents"],
  },
  { view: "Stage condition results (execution page)", read: ["ListRuleExecutions", "ListRuleTypes"] },
  {
    view: "Operator controls",
    read: [],
    operate: [
      "StartPipelineExecution",
      "StopPipelineExecution",
      "RetryStageExecution",
      "RollbackStage",
      "OverrideStageCondition",
      "EnableStageTransition",
      "DisableStageTransition",
      "PutApprovalResult",
    ],
  },
];

/**
 * Calls the app can make that neither role grants, with the reason. Changing a definition also needs
 * `iam:PassRole` on each pipeline's service role, which would let a dashboard user hand any pipeline that
 * role: grant it to a separate administrators' role, never to everyone who approves.
 */
export const NOT_GRANTED: Readonly<Record<string, string>> = {
  CreatePipeline: "definition editing: needs iam:PassRole on the pipeline's service role",
  UpdatePipeline: "definition editing: needs iam:PassRole on the pipeline's service role",
  DeletePipeline: "definition editing",
};

const unique = <T,>(items: Iterable<T>): T[] => [...new Set(items)];

/**
 * Reads of other services, for the action details: a CodeBuild action's build (its id is the action's external
 * execution id) and the CloudWatch log of a build or of a Commands action. Scoped to the places (account,
 * region) of the pipelines the role reads: build projects there, and the log groups CodeBuild
 * (`/aws/codebuild/PROJECT`) and the Commands action (`/aws/codepipeline/PIPELINE`) write to. Without them the
 * details still show everything else and say which permission is missing.
 */
export type ServiceRead = "codebuild:BatchGetBuilds" | "logs:GetLogEvents";
const SERVICE_READS: Record<ServiceRead, { sid: string; resources: (place: Place) => string[] }> = {
  "codebuild:BatchGetBuilds": {
    sid: "ReadTheBuildsOfCodeBuildActions",
    resources: ({ partition, region, account }) => [`arn:${partition}:codebuild:${region}:${account}:project/*`],
  },
  "logs:GetLogEvents": {
    sid: "ReadTheLogsOfBuildsAndCommandsActions",
    resources: ({ partition, region, account }) =>
      ["/aws/codebuild/*", "/aws/codepipeline/*"].map((group) => `arn:${partition}:logs:${region}:${account}:log-group:${group}:log-stream:*`),
  },
};
export const SERVICE_ACTIONS = unique(VIEWS.flatMap((view) => view.services ?? []));

/** `ListPipelines` and `ListRuleTypes` have no resource-level permissions: the actions granted on `*`. */
const LIST_ACTIONS = ["ListPipelines", "ListRuleTypes"];
export const READ_ACTIONS = unique(VIEWS.flatMap((view) => view.read));
export const OPERATE_ACTIONS = unique(VIEWS.flatMap((view) => view.operate ?? []));

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow";
  Action: string | string[];
  Resource?: string | string[];
  Principal?: Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

const codepipeline = (actions: readonly string[]) => actions.map((action) => `codepipeline:${action}`);
const document = (statements: (PolicyStatement | false)[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: statements.filter((statement): statement is PolicyStatement => statement !== false),
});

/** Where a role may act: ARNs of pipelines (`arn:…:codepipeline:REGION:ACCOUNT:NAME`, `*` allowed). */
export interface PipelineScope {
  /** Pipelines whose state, executions and definitions it reads. */
  read: string[];
  /** Pipelines it may start, stop, retry, roll back, approve in and change transitions of (operator only). */
  operate?: string[];
  /** Roles in other accounts it may assume (their own policies decide what it can do there). */
  assumeRoles?: string[];
}

/**
 * The actions that name a stage or an action (transitions, approvals) are authorized on
 * `PIPELINE/STAGE` and `PIPELINE/STAGE/ACTION`, so each pipeline ARN also covers what is below it.
 */
export function withStagesAndActions(pipelineArns: string[]): string[] {
  return pipelineArns.flatMap((arn) => (arn.endsWith("*") ? [arn] : [arn, `${arn}/*`]));
}

/** The accounts and regions of pipeline ARNs (`arn:PARTITION:codepipeline:REGION:ACCOUNT:NAME`). */
function placesOf(pipelineArns: string[]): Place[] {
  const places = new Map<string, Place>();
  for (const arn of pipelineArns) {
    const [, partition, , region, account] = arn.split(":");
    places.set(`${partition}:${region}:${account}`, { partition, region, account });
  }
  return [...places.values()];
}

function permissions(scope: PipelineScope, operate: boolean): PolicyDocument {
  const places = placesOf(scope.read);
  return document([
    { Sid: "ListPipelinesAndRuleTypesHaveNoResourceLevelPermissions", Effect: "Allow", Action: codepipeline(LIST_ACTIONS), Resource: "*" },
    {
      Sid: "ReadPipelinesAndTheirExecutions",
      Effect: "Allow",
      Action: codepipeline(READ_ACTIONS.filter((action) => !LIST_ACTIONS.includes(action))),
      Resource: scope.read,
    },
    ...SERVICE_ACTIONS.map(
      (action): PolicyStatement => ({ Sid: SERVICE_READS[action].sid, Effect: "Allow", Action: [action], Resource: unique(places.flatMap(SERVICE_READS[action].resources)) }),
    ),
    operate && { Sid: "OperatePipelines", Effect: "Allow", Action: codepipeline(OPERATE_ACTIONS), Resource: withStagesAndActions(scope.operate ?? []) },
    !!scope.assumeRoles?.length && assumeRoleStatement(scope.assumeRoles),
  ]);
}

const assumeRoleStatement = (roleArns: string[]): PolicyStatement => ({
  Sid: "AssumeDashboardRolesInOtherAccounts",
  Effect: "Allow",
  Action: ["sts:AssumeRole"],
  Resource: roleArns,
});

/** Only the cross-account part, for a role made by hand that already has one of the policies above. */
export const assumeRolePolicy = (roleArns: string[]) => document([assumeRoleStatement(roleArns)]);

/** For people who watch: reads only. */
export const readOnlyPolicy = (scope: PipelineScope) => permissions(scope, false);
/** For approvers and operators: reads, and acts on `scope.operate`. */
export const operatorPolicy = (scope: PipelineScope) => permissions(scope, true);

/** Who may use a dashboard role: identities of this identity pool only, signed in or (guest mode) not. */
export function identityPoolTrustPolicy(identityPoolId: string, identities: "authenticated" | "unauthenticated"): PolicyDocument {
  return document([
    {
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": identityPoolId },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": identities },
      },
    },
  ]);
}

/** Who may use a role in another account: the dashboard's own roles, naming the external id. */
export function crossAccountTrustPolicy(dashboardRoleArns: string[], externalId: string): PolicyDocument {
  return document([
    {
      Effect: "Allow",
      Principal: { AWS: dashboardRoleArns },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": externalId } },
    },
  ]);
}

/** The README's table: one row per view. */
export function permissionsTable(): string {
  const rows = VIEWS.map(
    ({ view, read, operate = [], services = [] }) => `| ${view} | ${[...read, ...operate, ...services].map((action) => `\`${action}\``).join(", ")} |`,
  );
  return ["| View | Actions (`codepipeline:` unless named) |", "|---|---|", ...rows].join("\n");
}

/** An account and region the roles act in. */
export interface Place {
  partition: string;
  account: string;
  region: string;
}

/**
 * Pipeline ARNs from what an operator types: `*` (every pipeline), a name, a name prefix ending in `*`
 * (`deploy-*`), each in every place given, or a full pipeline ARN, taken as it is.
 */
export function pipelineArns(patterns: string[], places: Place[]): string[] {
  return unique(
    patterns.flatMap((pattern) =>
      pattern.startsWith("arn:") ? [pattern] : places.map(({ partition, account, region }) => `arn:${partition}:codepipeline:${region}:${account}:${pattern}`),
    ),
  );
}
