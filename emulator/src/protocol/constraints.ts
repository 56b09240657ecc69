import {
  ActionCategory,
  ActionConfigurationPropertyType,
  ActionOwner,
  ApprovalStatus,
  ArtifactStoreType,
  BlockerType,
  ConditionType,
  EncryptionKeyType,
  EnvironmentVariableType,
  ExecutionMode,
  ExecutorType,
  FailureType,
  GitPullRequestEventType,
  PipelineTriggerProviderType,
  PipelineType,
  Result,
  RuleCategory,
  RuleOwner,
  SourceRevisionType,
  StageRetryMode,
  StageTransitionType,
  StartTimeRange,
  TargetFilterName,
  WebhookAuthenticationType,
} from "@aws-sdk/client-codepipeline";

/**
 * Length, pattern, range and enum constraints of the CodePipeline model. The SDK's schemas carry
 * none of them, so they are copied here from the Smithy model (botocore
 * `botocore/data/codepipeline/2015-07-09/service-2.json`, shape named in each comment) and keyed
 * `"<Structure>.<member>"` by the SDK's structure names. Enum values come from the SDK's enum objects.
 */
export interface Constraint {
  /** String length, or item count for lists and maps. */
  length?: [min: number, max?: number];
  /** Model pattern, matched against the whole value as Java's `matches` does. */
  pattern?: string;
  range?: [min: number, max?: number];
  enum?: readonly string[];
}

const values = (e: Record<string, string>) => Object.values(e);

// Shared model shapes.
const NAME: Constraint = { length: [1, 100], pattern: "[A-Za-z0-9.@\\-_]+" }; // PipelineName, StageName, ActionName, RuleName
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const EXECUTION_ID: Constraint = { pattern: UUID }; // PipelineExecutionId
const JOB_ID: Constraint = { pattern: UUID }; // JobId
const NEXT_TOKEN: Constraint = { length: [1, 2048] }; // NextToken
const RESULTS_100: Constraint = { range: [1, 100] }; // MaxResults
const ROLE_ARN: Constraint = { length: [0, 1024], pattern: "arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*" }; // RoleArn
const RESOURCE_ARN: Constraint = { length: [1, 1011], pattern: "arn:aws(-[\\w]+)*:codepipeline:.+:[0-9]{12}:.+" }; // ResourceArn
const PROVIDER: Constraint = { length: [1, 35], pattern: "[0-9A-Za-z_-]+" }; // ActionProvider
const VERSION: Constraint = { length: [1, 9], pattern: "[0-9A-Za-z_-]+" }; // Version
const CATEGORY: Constraint = { enum: values(ActionCategory) };
const OWNER: Constraint = { enum: values(ActionOwner) };
const NONCE: Constraint = { length: [1, 50] }; // Nonce
const CLIENT_TOKEN: Constraint = { length: [1, 256] }; // ClientToken
const THIRD_PARTY_JOB_ID: Constraint = { length: [1, 512] }; // ThirdPartyJobId
const CONFIG_KEY_VALUE: Constraint = { length: [1, 1000] }; // ActionConfigurationValue
const TIMEOUT: Constraint = { range: [5, 86400] }; // ActionTimeout
const MAX_BATCH: Constraint = { range: [1] }; // MaxBatchSize
const REVISION_SUMMARY: Constraint = { length: [1, 2048] }; // RevisionSummary
const TAG_KEY: Constraint = { length: [1, 128] }; // TagKey
const TAG_VALUE: Constraint = { length: [0, 256] }; // TagValue
const FAILURE_DETAILS_MESSAGE: Constraint = { length: [1, 5000] }; // Message
const EXECUTION_SUMMARY: Constraint = { length: [1, 2048] }; // ExecutionSummary
const EXTERNAL_EXECUTION_ID: Constraint = { length: [1, 1500] }; // ExecutionId
const PERCENT: Constraint = { range: [0, 100] }; // Percentage
const CONTINUATION_TOKEN: Constraint = { length: [1, 2048] }; // ContinuationToken
const WEBHOOK_NAME: Constraint = NAME; // WebhookName

export const CONSTRAINTS: Record<string, Constraint> = {
  // Pipelines.
  "PipelineDeclaration.name": NAME,
  "PipelineDeclaration.roleArn": ROLE_ARN,
  "PipelineDeclaration.version": { range: [1] }, // PipelineVersion
  "PipelineDeclaration.executionMode": { enum: values(ExecutionMode) },
  "PipelineDeclaration.pipelineType": { enum: values(PipelineType) },
  "PipelineDeclaration.variables": { length: [1, 50] }, // PipelineVariableDeclarationList
  "PipelineVariableDeclaration.name": { length: [1, 128], pattern: "[A-Za-z0-9@\\-_]+" }, // PipelineVariableName
  "PipelineVariableDeclaration.defaultValue": { length: [1, 1000] }, // PipelineVariableValue
  "PipelineVariableDeclaration.description": { length: [0, 200] }, // PipelineVariableDescription
  "PipelineTriggerDeclaration.providerType": { enum: values(PipelineTriggerProviderType) },
  "GitConfiguration.sourceActionName": NAME,
  "GitPullRequestFilter.events.member": { enum: values(GitPullRequestEventType) },
  "ArtifactStore.type": { enum: values(ArtifactStoreType) },
  "ArtifactStore.location": { length: [3, 63], pattern: "[a-zA-Z0-9\\-\\.]+" }, // ArtifactStoreLocation
  "EncryptionKey.type": { enum: values(EncryptionKeyType) },
  "StageDeclaration.name": NAME,
  "BlockerDeclaration.name": { length: [1, 100] }, // BlockerName
  "BlockerDeclaration.type": { enum: values(BlockerType) },
  "FailureConditions.result": { enum: values(Result) },
  "RetryConfiguration.retryMode": { enum: values(StageRetryMode) },
  "Condition.result": { enum: values(Result) },
  "RuleDeclaration.name": NAME,
  "RuleDeclaration.roleArn": ROLE_ARN,
  "RuleDeclaration.timeoutInMinutes": TIMEOUT, // RuleTimeout
  "RuleDeclaration.region": { length: [4, 30] }, // AWSRegionName
  "RuleTypeId.category": { enum: values(RuleCategory) },
  "RuleTypeId.owner": { enum: values(RuleOwner) },
  "RuleTypeId.provider": { length: [1, 35], pattern: "[0-9A-Za-z_-]+" }, // RuleProvider
  "RuleTypeId.version": VERSION,
  "ActionDeclaration.name": NAME,
  "ActionDeclaration.runOrder": { range: [1, 999] }, // ActionRunOrder
  "ActionDeclaration.configuration.key": { length: [1, 50] }, // ActionConfigurationKey
  "ActionDeclaration.configuration.value": CONFIG_KEY_VALUE,
  "ActionDeclaration.roleArn": ROLE_ARN,
  "ActionDeclaration.region": { length: [4, 30] }, // AWSRegionName
  "ActionDeclaration.namespace": { length: [1, 100], pattern: "[A-Za-z0-9@\\-_]+" }, // ActionNamespace
  "ActionDeclaration.timeoutInMinutes": TIMEOUT,
  "EnvironmentVariable.type": { enum: values(EnvironmentVariableType) },
  "ActionTypeId.category": CATEGORY,
  "ActionTypeId.owner": OWNER,
  "ActionTypeId.provider": PROVIDER,
  "ActionTypeId.version": VERSION,
  "OutputArtifact.name": { length: [1, 100], pattern: "[a-zA-Z0-9_\\-]+" }, // ArtifactName
  "InputArtifact.name": { length: [1, 100], pattern: "[a-zA-Z0-9_\\-]+" },
  "GetPipelineInput.name": NAME,
  "GetPipelineInput.version": { range: [1] },
  "GetPipelineStateInput.name": NAME,
  "DeletePipelineInput.name": NAME,
  "ListPipelinesInput.maxResults": { range: [1, 1000] }, // MaxPipelines
  "ListPipelinesInput.nextToken": NEXT_TOKEN,

  // Executions.
  "StartPipelineExecutionInput.name": NAME,
  "StartPipelineExecutionInput.variables": { length: [1, 50] }, // PipelineVariableList
  "StartPipelineExecutionInput.clientRequestToken": { length: [1, 128], pattern: "^[a-zA-Z0-9-]+$" }, // ClientRequestToken
  "StartPipelineExecutionInput.sourceRevisions": { length: [0, 50] }, // SourceRevisionOverrideList
  "PipelineVariable.name": { length: [1, 128], pattern: "[A-Za-z0-9@\\-_]+" }, // PipelineVariableName
  "PipelineVariable.value": { length: [1, 1000] }, // PipelineVariableValue
  "SourceRevisionOverride.actionName": NAME,
  "SourceRevisionOverride.revisionType": { enum: values(SourceRevisionType) },
  "SourceRevisionOverride.revisionValue": { length: [1, 1500] }, // Revision
  "StopPipelineExecutionInput.pipelineName": NAME,
  "StopPipelineExecutionInput.pipelineExecutionId": EXECUTION_ID,
  "StopPipelineExecutionInput.reason": { length: [0, 200] }, // StopPipelineExecutionReason
  "GetPipelineExecutionInput.pipelineName": NAME,
  "GetPipelineExecutionInput.pipelineExecutionId": EXECUTION_ID,
  "ListPipelineExecutionsInput.pipelineName": NAME,
  "ListPipelineExecutionsInput.maxResults": RESULTS_100,
  "ListPipelineExecutionsInput.nextToken": NEXT_TOKEN,
  "SucceededInStageFilter.stageName": NAME,
  "ListActionExecutionsInput.pipelineName": NAME,
  "ListActionExecutionsInput.maxResults": RESULTS_100,
  "ListActionExecutionsInput.nextToken": NEXT_TOKEN,
  "ActionExecutionFilter.pipelineExecutionId": EXECUTION_ID,
  "LatestInPipelineExecutionFilter.pipelineExecutionId": EXECUTION_ID,
  "LatestInPipelineExecutionFilter.startTimeRange": { enum: values(StartTimeRange) },
  "ListRuleExecutionsInput.pipelineName": NAME,
  "ListRuleExecutionsInput.maxResults": RESULTS_100,
  "ListRuleExecutionsInput.nextToken": NEXT_TOKEN,
  "RuleExecutionFilter.pipelineExecutionId": EXECUTION_ID,
  "ListDeployActionExecutionTargetsInput.pipelineName": NAME,
  "ListDeployActionExecutionTargetsInput.maxResults": RESULTS_100,
  "ListDeployActionExecutionTargetsInput.nextToken": NEXT_TOKEN,
  "TargetFilter.name": { enum: values(TargetFilterName) },
  "RetryStageExecutionInput.pipelineName": NAME,
  "RetryStageExecutionInput.stageName": NAME,
  "RetryStageExecutionInput.pipelineExecutionId": EXECUTION_ID,
  "RetryStageExecutionInput.retryMode": { enum: values(StageRetryMode) },
  "RollbackStageInput.pipelineName": NAME,
  "RollbackStageInput.stageName": NAME,
  "RollbackStageInput.targetPipelineExecutionId": EXECUTION_ID,
  "OverrideStageConditionInput.pipelineName": NAME,
  "OverrideStageConditionInput.stageName": NAME,
  "OverrideStageConditionInput.pipelineExecutionId": EXECUTION_ID,
  "OverrideStageConditionInput.conditionType": { enum: values(ConditionType) },

  // Transitions and approvals.
  "DisableStageTransitionInput.pipelineName": NAME,
  "DisableStageTransitionInput.stageName": NAME,
  "DisableStageTransitionInput.transitionType": { enum: values(StageTransitionType) },
  "DisableStageTransitionInput.reason": { length: [1, 300], pattern: "[a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-]+" }, // DisabledReason
  "EnableStageTransitionInput.pipelineName": NAME,
  "EnableStageTransitionInput.stageName": NAME,
  "EnableStageTransitionInput.transitionType": { enum: values(StageTransitionType) },
  "PutApprovalResultInput.pipelineName": NAME,
  "PutApprovalResultInput.stageName": NAME,
  "PutApprovalResultInput.actionName": NAME,
  "PutApprovalResultInput.token": { pattern: UUID }, // ApprovalToken
  "ApprovalResult.summary": { length: [0, 512] }, // ApprovalSummary
  "ApprovalResult.status": { enum: values(ApprovalStatus) },
  "PutActionRevisionInput.pipelineName": NAME,
  "PutActionRevisionInput.stageName": NAME,
  "PutActionRevisionInput.actionName": NAME,
  "ActionRevision.revisionId": { length: [1, 1500] }, // Revision
  "ActionRevision.revisionChangeId": { length: [1, 100] }, // RevisionChangeIdentifier

  // Tags.
  "ListTagsForResourceInput.resourceArn": RESOURCE_ARN,
  "ListTagsForResourceInput.nextToken": NEXT_TOKEN,
  "ListTagsForResourceInput.maxResults": RESULTS_100,
  "TagResourceInput.resourceArn": RESOURCE_ARN,
  "UntagResourceInput.resourceArn": RESOURCE_ARN,
  "UntagResourceInput.tagKeys.member": TAG_KEY,
  "Tag.key": TAG_KEY,
  "Tag.value": TAG_VALUE,

  // Action types and job workers.
  "CreateCustomActionTypeInput.category": CATEGORY,
  "CreateCustomActionTypeInput.provider": PROVIDER,
  "CreateCustomActionTypeInput.version": VERSION,
  "ActionConfigurationProperty.name": { length: [1, 50] }, // ActionConfigurationKey
  "ActionConfigurationProperty.type": { enum: values(ActionConfigurationPropertyType) },
  "DeleteCustomActionTypeInput.category": CATEGORY,
  "DeleteCustomActionTypeInput.provider": PROVIDER,
  "DeleteCustomActionTypeInput.version": VERSION,
  "GetActionTypeInput.category": CATEGORY,
  "GetActionTypeInput.owner": { length: [1, 35] }, // ActionTypeOwner (a string, not the ActionOwner enum)
  "GetActionTypeInput.provider": PROVIDER,
  "GetActionTypeInput.version": VERSION,
  "ListActionTypesInput.actionOwnerFilter": OWNER,
  "ListActionTypesInput.nextToken": NEXT_TOKEN,
  "ListActionTypesInput.regionFilter": { length: [4, 30] }, // AWSRegionName
  "ListRuleTypesInput.ruleOwnerFilter": { enum: values(RuleOwner) },
  "ListRuleTypesInput.regionFilter": { length: [4, 30] },
  "ActionTypeExecutor.type": { enum: values(ExecutorType) },
  "ActionTypeIdentifier.category": CATEGORY,
  "ActionTypeIdentifier.owner": { pattern: "AWS|ThirdParty|Custom" }, // ActionTypeOwner
  "ActionTypeIdentifier.provider": PROVIDER,
  "ActionTypeIdentifier.version": VERSION,
  "PollForJobsInput.maxBatchSize": MAX_BATCH,
  "PollForThirdPartyJobsInput.maxBatchSize": MAX_BATCH,
  "AcknowledgeJobInput.jobId": JOB_ID,
  "AcknowledgeJobInput.nonce": NONCE,
  "AcknowledgeThirdPartyJobInput.jobId": THIRD_PARTY_JOB_ID,
  "AcknowledgeThirdPartyJobInput.nonce": NONCE,
  "AcknowledgeThirdPartyJobInput.clientToken": CLIENT_TOKEN,
  "GetJobDetailsInput.jobId": JOB_ID,
  "GetThirdPartyJobDetailsInput.jobId": THIRD_PARTY_JOB_ID,
  "GetThirdPartyJobDetailsInput.clientToken": CLIENT_TOKEN,
  "PutJobSuccessResultInput.jobId": JOB_ID,
  "PutJobSuccessResultInput.continuationToken": CONTINUATION_TOKEN,
  "PutJobFailureResultInput.jobId": JOB_ID,
  "PutThirdPartyJobSuccessResultInput.jobId": THIRD_PARTY_JOB_ID,
  "PutThirdPartyJobSuccessResultInput.clientToken": CLIENT_TOKEN,
  "PutThirdPartyJobSuccessResultInput.continuationToken": CONTINUATION_TOKEN,
  "PutThirdPartyJobFailureResultInput.jobId": THIRD_PARTY_JOB_ID,
  "PutThirdPartyJobFailureResultInput.clientToken": CLIENT_TOKEN,
  "FailureDetails.type": { enum: values(FailureType) },
  "FailureDetails.message": FAILURE_DETAILS_MESSAGE,
  "FailureDetails.externalExecutionId": EXTERNAL_EXECUTION_ID,
  "CurrentRevision.revision": { length: [1, 1500] }, // Revision
  "CurrentRevision.changeIdentifier": { length: [1, 100] }, // RevisionChangeIdentifier
  "CurrentRevision.revisionSummary": REVISION_SUMMARY,
  "ExecutionDetails.summary": EXECUTION_SUMMARY,
  "ExecutionDetails.externalExecutionId": EXTERNAL_EXECUTION_ID,
  "ExecutionDetails.percentComplete": PERCENT,

  // Webhooks.
  "WebhookDefinition.name": WEBHOOK_NAME,
  "WebhookDefinition.targetPipeline": NAME,
  "WebhookDefinition.targetAction": NAME,
  "WebhookDefinition.authentication": { enum: values(WebhookAuthenticationType) },
  "DeleteWebhookInput.name": WEBHOOK_NAME,
  "RegisterWebhookWithThirdPartyInput.webhookName": WEBHOOK_NAME,
  "DeregisterWebhookWithThirdPartyInput.webhookName": WEBHOOK_NAME,
  "ListWebhooksInput.NextToken": NEXT_TOKEN,
  "ListWebhooksInput.MaxResults": RESULTS_100,
};
