import type * as cp from "@aws-sdk/client-codepipeline";

/** Operations whose model output is `smithy.api#Unit`: they answer `{}`. */
export type NoOutput = Record<string, never>;

/**
 * Every operation of the CodePipeline model (44), typed by the SDK's own input and output shapes:
 * the SDK is the contract for the emulator as much as for the app.
 */
export interface OperationShapes {
  AcknowledgeJob: [cp.AcknowledgeJobInput, cp.AcknowledgeJobOutput];
  AcknowledgeThirdPartyJob: [cp.AcknowledgeThirdPartyJobInput, cp.AcknowledgeThirdPartyJobOutput];
  CreateCustomActionType: [cp.CreateCustomActionTypeInput, cp.CreateCustomActionTypeOutput];
  CreatePipeline: [cp.CreatePipelineInput, cp.CreatePipelineOutput];
  DeleteCustomActionType: [cp.DeleteCustomActionTypeInput, NoOutput];
  DeletePipeline: [cp.DeletePipelineInput, NoOutput];
  DeleteWebhook: [cp.DeleteWebhookInput, cp.DeleteWebhookOutput];
  DeregisterWebhookWithThirdParty: [cp.DeregisterWebhookWithThirdPartyInput, cp.DeregisterWebhookWithThirdPartyOutput];
  DisableStageTransition: [cp.DisableStageTransitionInput, NoOutput];
  EnableStageTransition: [cp.EnableStageTransitionInput, NoOutput];
  GetActionType: [cp.GetActionTypeInput, cp.GetActionTypeOutput];
  GetJobDetails: [cp.GetJobDetailsInput, cp.GetJobDetailsOutput];
  GetPipeline: [cp.GetPipelineInput, cp.GetPipelineOutput];
  GetPipelineExecution: [cp.GetPipelineExecutionInput, cp.GetPipelineExecutionOutput];
  GetPipelineState: [cp.GetPipelineStateInput, cp.GetPipelineStateOutput];
  GetThirdPartyJobDetails: [cp.GetThirdPartyJobDetailsInput, cp.GetThirdPartyJobDetailsOutput];
  ListActionExecutions: [cp.ListActionExecutionsInput, cp.ListActionExecutionsOutput];
  ListActionTypes: [cp.ListActionTypesInput, cp.ListActionTypesOutput];
  ListDeployActionExecutionTargets: [cp.ListDeployActionExecutionTargetsInput, cp.ListDeployActionExecutionTargetsOutput];
  ListPipelineExecutions: [cp.ListPipelineExecutionsInput, cp.ListPipelineExecutionsOutput];
  ListPipelines: [cp.ListPipelinesInput, cp.ListPipelinesOutput];
  ListRuleExecutions: [cp.ListRuleExecutionsInput, cp.ListRuleExecutionsOutput];
  ListRuleTypes: [cp.ListRuleTypesInput, cp.ListRuleTypesOutput];
  ListTagsForResource: [cp.ListTagsForResourceInput, cp.ListTagsForResourceOutput];
  ListWebhooks: [cp.ListWebhooksInput, cp.ListWebhooksOutput];
  OverrideStageCondition: [cp.OverrideStageConditionInput, NoOutput];
  PollForJobs: [cp.PollForJobsInput, cp.PollForJobsOutput];
  PollForThirdPartyJobs: [cp.PollForThirdPartyJobsInput, cp.PollForThirdPartyJobsOutput];
  PutActionRevision: [cp.PutActionRevisionInput, cp.PutActionRevisionOutput];
  PutApprovalResult: [cp.PutApprovalResultInput, cp.PutApprovalResultOutput];
  PutJobFailureResult: [cp.PutJobFailureResultInput, NoOutput];
  PutJobSuccessResult: [cp.PutJobSuccessResultInput, NoOutput];
  PutThirdPartyJobFailureResult: [cp.PutThirdPartyJobFailureResultInput, NoOutput];
  PutThirdPartyJobSuccessResult: [cp.PutThirdPartyJobSuccessResultInput, NoOutput];
  PutWebhook: [cp.PutWebhookInput, cp.PutWebhookOutput];
  RegisterWebhookWithThirdParty: [cp.RegisterWebhookWithThirdPartyInput, cp.RegisterWebhookWithThirdPartyOutput];
  RetryStageExecution: [cp.RetryStageExecutionInput, cp.RetryStageExecutionOutput];
  RollbackStage: [cp.RollbackStageInput, cp.RollbackStageOutput];
  StartPipelineExecution: [cp.StartPipelineExecutionInput, cp.StartPipelineExecutionOutput];
  StopPipelineExecution: [cp.StopPipelineExecutionInput, cp.StopPipelineExecutionOutput];
  TagResource: [cp.TagResourceInput, cp.TagResourceOutput];
  UntagResource: [cp.UntagResourceInput, cp.UntagResourceOutput];
  UpdateActionType: [cp.UpdateActionTypeInput, NoOutput];
  UpdatePipeline: [cp.UpdatePipelineInput, cp.UpdatePipelineOutput];
}

export type OperationName = keyof OperationShapes;
export type OperationInput<Op extends OperationName> = OperationShapes[Op][0];
export type OperationOutput<Op extends OperationName> = OperationShapes[Op][1];
