/**
 * The one source of the dashboard's IAM permissions: which CodePipeline actions each view calls, and the
 * policy documents built from them. The CDK stacks attach these documents as they are, and
 * `npm run iam-policies -w deploy` writes the same documents, with example account ids, to
 * deploy/iam-policy-*.json and deploy/trust-policy-*.json for people who create the roles by hand; a test
 * fails when the committed files differ from what this module generates.
 */

/** What each view of the dashboard calls (`codepipeline:` actions), as the README's table shows it. */
export const VIEWS: readonly { view: string; read: readonly string[]; operate?: readonly string[] }[] = [
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

const unique = (actions: Iterable<string>) => [...new Set(actions)];

/** `ListPipelines` has no resource-level permissions, so it is the one action granted on `*`. */
const LIST_ACTION = "ListPipelines";
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

function permissions(scope: PipelineScope, operate: boolean): PolicyDocument {
  return document([
    { Sid: "ListPipelinesHasNoResourceLevelPermissions", Effect: "Allow", Action: codepipeline([LIST_ACTION]), Resource: "*" },
    {
      Sid: "ReadPipelinesAndTheirExecutions",
      Effect: "Allow",
      Action: codepipeline(READ_ACTIONS.filter((action) => action !== LIST_ACTION)),
      Resource: scope.read,
    },
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
  const rows = VIEWS.map(({ view, read, operate = [] }) => `| ${view} | ${[...read, ...operate].map((action) => `\`${action}\``).join(", ")} |`);
  return ["| View | `codepipeline:` actions |", "|---|---|", ...rows].join("\n");
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
