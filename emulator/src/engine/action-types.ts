import type { ActionCategory, ActionType, RuleType } from "@aws-sdk/client-codepipeline";
import type { CustomActionTypeRecord } from "../state/records";

type Limits = [min: number, max: number];
interface Catalogued {
  category: ActionCategory;
  provider: string;
  inputs: Limits;
  outputs: Limits;
  /** Configuration properties; a trailing `*` marks required ones. */
  properties: string[];
  entityUrlTemplate?: string;
  executionUrlTemplate?: string;
  revisionUrlTemplate?: string;
}

const CONSOLE = "https://console.aws.amazon.com";

/** The AWS-owned action types (version 1), as ListActionTypes reports them in us-east-1. */
const AWS_ACTION_TYPES: Catalogued[] = [
  { category: "Source", provider: "CodeCommit", inputs: [0, 0], outputs: [1, 1], properties: ["RepositoryName*", "BranchName*", "PollForSourceChanges", "OutputArtifactFormat"],
    entityUrlTemplate: `${CONSOLE}/codecommit/home#/repository/{Config:RepositoryName}/browse/{Config:BranchName}/--/`, revisionUrlTemplate: `${CONSOLE}/codecommit/home#/repository/{Config:RepositoryName}/commit/{RevisionId}` },
  { category: "Source", provider: "CodeStarSourceConnection", inputs: [0, 0], outputs: [1, 1], properties: ["ConnectionArn*", "FullRepositoryId*", "BranchName*", "OutputArtifactFormat", "DetectChanges"] },
  { category: "Source", provider: "S3", inputs: [0, 0], outputs: [1, 1], properties: ["S3Bucket*", "S3ObjectKey*", "PollForSourceChanges"], entityUrlTemplate: `${CONSOLE}/s3/home?#` },
  { category: "Source", provider: "ECR", inputs: [0, 0], outputs: [1, 1], properties: ["RepositoryName*", "ImageTag"] },
  { category: "Build", provider: "CodeBuild", inputs: [1, 5], outputs: [0, 5], properties: ["ProjectName*", "PrimarySource", "BatchEnabled", "CombineArtifacts", "EnvironmentVariables"],
    entityUrlTemplate: `${CONSOLE}/codebuild/home?#/projects/{Config:ProjectName}/view`, executionUrlTemplate: `${CONSOLE}/codebuild/home?#/builds/{ExternalExecutionId}/view/new` },
  { category: "Build", provider: "ECRBuildAndPublish", inputs: [1, 1], outputs: [0, 0], properties: ["ECRRepositoryName*", "DockerFilePath", "ImageTags", "RegistryType"] },
  { category: "Build", provider: "Jenkins", inputs: [0, 5], outputs: [0, 5], properties: ["ProjectName*"] },
  { category: "Test", provider: "CodeBuild", inputs: [1, 5], outputs: [0, 5], properties: ["ProjectName*", "PrimarySource", "BatchEnabled", "EnvironmentVariables"],
    entityUrlTemplate: `${CONSOLE}/codebuild/home?#/projects/{Config:ProjectName}/view`, executionUrlTemplate: `${CONSOLE}/codebuild/home?#/builds/{ExternalExecutionId}/view/new` },
  { category: "Test", provider: "DeviceFarm", inputs: [1, 1], outputs: [0, 0], properties: ["ProjectId*", "DevicePoolArn*", "AppType*", "App", "TestType*", "Test"] },
  { category: "Test", provider: "InspectorScan", inputs: [0, 1], outputs: [0, 1], properties: ["InspectorRunMode*", "ECRRepositoryName", "ImageTag"] },
  { category: "Deploy", provider: "CodeDeploy", inputs: [1, 1], outputs: [0, 0], properties: ["ApplicationName*", "DeploymentGroupName*"],
    entityUrlTemplate: `${CONSOLE}/codedeploy/home?#/applications/{Config:ApplicationName}/deploymentgroups/{Config:DeploymentGroupName}`, executionUrlTemplate: `${CONSOLE}/codedeploy/home?#/deployments/{ExternalExecutionId}` },
  { category: "Deploy", provider: "CodeDeployToECS", inputs: [1, 3], outputs: [0, 0], properties: ["ApplicationName*", "DeploymentGroupName*", "TaskDefinitionTemplateArtifact*", "AppSpecTemplateArtifact*", "Image1ArtifactName", "Image1ContainerName"] },
  { category: "Deploy", provider: "CloudFormation", inputs: [0, 10], outputs: [0, 1], properties: ["ActionMode*", "StackName*", "Capabilities", "ChangeSetName", "RoleArn", "TemplatePath", "TemplateConfiguration", "OutputFileName", "ParameterOverrides"],
    entityUrlTemplate: `${CONSOLE}/cloudformation/home?#/stacks?filter={Config:StackName}` },
  { category: "Deploy", provider: "CloudFormationStackSet", inputs: [0, 10], outputs: [0, 0], properties: ["StackSetName*", "TemplatePath*", "DeploymentTargets*", "Regions*", "Parameters", "Capabilities"] },
  { category: "Deploy", provider: "CloudFormationStackInstances", inputs: [0, 10], outputs: [0, 0], properties: ["StackSetName*", "DeploymentTargets*", "Regions*", "ParameterOverrides"] },
  { category: "Deploy", provider: "ECS", inputs: [1, 1], outputs: [0, 0], properties: ["ClusterName*", "ServiceName*", "FileName", "DeploymentTimeout"],
    entityUrlTemplate: `${CONSOLE}/ecs/home?#/clusters/{Config:ClusterName}/services/{Config:ServiceName}/details` },
  { category: "Deploy", provider: "EKS", inputs: [1, 1], outputs: [0, 0], properties: ["ClusterName*", "ManifestFiles", "HelmChartLocation", "HelmReleaseName", "Namespace"] },
  { category: "Deploy", provider: "ElasticBeanstalk", inputs: [1, 1], outputs: [0, 0], properties: ["ApplicationName*", "EnvironmentName*"] },
  { category: "Deploy", provider: "S3", inputs: [1, 1], outputs: [0, 0], properties: ["BucketName*", "Extract*", "ObjectKey", "KMSEncryptionKeyARN", "CannedACL", "CacheControl"] },
  { category: "Deploy", provider: "AppConfig", inputs: [1, 1], outputs: [0, 0], properties: ["Application*", "Environment*", "ConfigurationProfile*", "InputArtifactConfigurationPath*", "DeploymentStrategy*"] },
  { category: "Deploy", provider: "ServiceCatalog", inputs: [1, 1], outputs: [0, 0], properties: ["TemplateFilePath*", "ProductVersionName*", "ProductType*", "ProductId*"] },
  { category: "Deploy", provider: "EC2", inputs: [1, 1], outputs: [0, 0], properties: ["InstanceTagKey*", "InstanceTagValue", "InstanceType*", "TargetDirectory", "DeploySpec", "PreScript", "PostScript", "MaxBatch", "MaxError", "TargetGroupNameList"] },
  { category: "Invoke", provider: "Lambda", inputs: [0, 5], outputs: [0, 5], properties: ["FunctionName*", "UserParameters"],
    entityUrlTemplate: `${CONSOLE}/lambda/home?#/functions/{Config:FunctionName}` },
  { category: "Invoke", provider: "StepFunctions", inputs: [0, 1], outputs: [0, 1], properties: ["StateMachineArn*", "ExecutionNamePrefix", "InputType", "Input"] },
  { category: "Invoke", provider: "Snyk", inputs: [1, 1], outputs: [1, 1], properties: [] },
  { category: "Invoke", provider: "InspectorScan", inputs: [0, 1], outputs: [0, 1], properties: ["InspectorRunMode*", "ECRRepositoryName", "ImageTag"] },
  { category: "Approval", provider: "Manual", inputs: [0, 0], outputs: [0, 0], properties: ["CustomData", "ExternalEntityLink", "NotificationArn"] },
  { category: "Compute", provider: "Commands", inputs: [1, 10], outputs: [0, 1], properties: [] },
];

function toActionType(t: Catalogued): ActionType {
  return {
    id: { category: t.category, owner: "AWS", provider: t.provider, version: "1" },
    settings: {
      ...(t.entityUrlTemplate && { entityUrlTemplate: t.entityUrlTemplate }),
      ...(t.executionUrlTemplate && { executionUrlTemplate: t.executionUrlTemplate }),
      ...(t.revisionUrlTemplate && { revisionUrlTemplate: t.revisionUrlTemplate }),
    },
    actionConfigurationProperties: t.properties.map((p) => ({
      name: p.replace("*", ""),
      required: p.endsWith("*"),
      key: p.endsWith("*"),
      secret: false,
      queryable: false,
      type: "String",
    })),
    inputArtifactDetails: { minimumCount: t.inputs[0], maximumCount: t.inputs[1] },
    outputArtifactDetails: { minimumCount: t.outputs[0], maximumCount: t.outputs[1] },
  };
}

export function awsActionTypes(): ActionType[] {
  return AWS_ACTION_TYPES.map(toActionType);
}

export function customActionType(t: CustomActionTypeRecord): ActionType {
  return {
    id: { category: t.category as ActionCategory, owner: "Custom", provider: t.provider, version: t.version },
    settings: t.settings,
    actionConfigurationProperties: t.configurationProperties as ActionType["actionConfigurationProperties"],
    inputArtifactDetails: t.inputArtifactDetails,
    outputArtifactDetails: t.outputArtifactDetails,
  };
}

export function findAwsActionType(category: string, provider: string): Catalogued | undefined {
  return AWS_ACTION_TYPES.find((t) => t.category === category && t.provider === provider);
}

/** Rule types for stage conditions (ListRuleTypes). */
export function ruleTypes(): RuleType[] {
  const rule = (provider: string, properties: string[], inputs: [number, number] = [0, 0]): RuleType => ({
    id: { category: "Rule", owner: "AWS", provider, version: "1" },
    ruleConfigurationProperties: properties.map((p) => ({ name: p.replace("*", ""), required: p.endsWith("*"), key: p.endsWith("*"), secret: false, queryable: false, type: "String" })),
    inputArtifactDetails: { minimumCount: inputs[0], maximumCount: inputs[1] },
  });
  return [
    rule("CloudWatchAlarm", ["AlarmName*", "WaitTime", "AlarmStates"]),
    rule("DeploymentWindow", ["Cron*", "TimeZone"]),
    rule("LambdaInvoke", ["FunctionName*", "UserParameters"], [0, 1]),
    rule("VariableCheck", ["Variable*", "Value*", "Operator*"]),
    rule("Commands", [], [0, 1]),
  ];
}

/** Substitutes `{Config:Key}` and `{ExternalExecutionId}`/`{RevisionId}` like AWS's URL templates. */
export function fillTemplate(template: string, config: Record<string, string>, values: Record<string, string> = {}): string {
  return template.replace(/\{Config:([^}]+)\}/g, (_m, k: string) => encodeURIComponent(config[k] ?? "")).replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
