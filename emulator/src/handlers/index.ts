/*
 * The operation table: all 44 operations of the CodePipeline model, each simulated as AWS documents it
 * (one module per operation; the engine does the work). Custom and third-party actions queue jobs for
 * job workers unless a scenario simulates them (./job-workers.ts, ../engine/jobs.ts).
 */
import { handleCreateCustomActionType } from "./create-custom-action-type";
import { handleCreatePipeline } from "./create-pipeline";

import { handleDeleteCustomActionType } from "./delete-custom-action-type";
import { handleDeletePipeline } from "./delete-pipeline";
import { handleDeleteWebhook } from "./delete-webhook";
import { handleDeregisterWebhookWithThirdParty } from "./deregister-webhook-with-third-party";
import { handleDisableStageTransition } from "./disable-stage-transition";
import { handleEnableStageTransition } from "./enable-stage-transition";
import { handleGetActionType } from "./get-action-type";
import { handleGetPipeline } from "./get-pipeline";
import {
  handleAcknowledgeJob,
  handleAcknowledgeThirdPartyJob,
  handleGetJobDetails,
  handleGetThirdPartyJobDetails,
  handlePollForJobs,
  handlePollForThirdPartyJobs,
  handlePutJobFailureResult,
  handlePutJobSuccessResult,
  handlePutThirdPartyJobFailureResult,
  handlePutThirdPartyJobSuccessResult,
} from "./job-workers";
import { handleGetPipelineExecution } from "./get-pipeline-execution";
import { handleGetPipelineState } from "./get-pipeline-state";
import { handleListActionExecutions } from "./list-action-executions";
import { handleListActionTypes } from "./list-action-types";
import { handleListDeployActionExecutionTargets } from "./list-deploy-action-execution-targets";
import { handleListPipelineExecutions } from "./list-pipeline-executions";
import { handleListPipelines } from "./list-pipelines";
import { handleListRuleExecutions } from "./list-rule-executions";
import { handleListRuleTypes } from "./list-rule-types";
import { handleListTagsForResource } from "./list-tags-for-resource";
import { handleListWebhooks } from "./list-webhooks";
import { handleOverrideStageCondition } from "./override-stage-condition";
import { handlePutActionRevision } from "./put-action-revision";
import { handlePutApprovalResult } from "./put-approval-result";
import { handlePutWebhook } from "./put-webhook";
import { handleRegisterWebhookWithThirdParty } from "./register-webhook-with-third-party";
import { handleRetryStageExecution } from "./retry-stage-execution";
import { handleRollbackStage } from "./rollback-stage";
import { handleStartPipelineExecution } from "./start-pipeline-execution";
import { handleStopPipelineExecution } from "./stop-pipeline-execution";
import { handleTagResource } from "./tag-resource";
import type { HandlerTable, RequestContext } from "./types";
import { handleUntagResource } from "./untag-resource";
import { handleUpdateActionType } from "./update-action-type";
import { handleUpdatePipeline } from "./update-pipeline";

/**
 * Every handler sees the world brought up to the clock, and every change is announced (and the
 * real clock re-armed) once the operation is over, whether it succeeded or threw.
 */
export function simulated<Input, Output>(handler: (input: Input, ctx: RequestContext) => Output): (input: Input, ctx: RequestContext) => Output {
  return (input, ctx) => {
    const e = ctx.engine;
    e.sync();
    try {
      return handler(input, ctx);
    } finally {
      e.settle();
    }
  };
}

export const handlers: HandlerTable = {
  AcknowledgeJob: simulated(handleAcknowledgeJob),
  AcknowledgeThirdPartyJob: simulated(handleAcknowledgeThirdPartyJob),
  CreateCustomActionType: simulated(handleCreateCustomActionType),
  CreatePipeline: simulated(handleCreatePipeline),
  DeleteCustomActionType: simulated(handleDeleteCustomActionType),
  DeletePipeline: simulated(handleDeletePipeline),
  DeleteWebhook: simulated(handleDeleteWebhook),
  DeregisterWebhookWithThirdParty: simulated(handleDeregisterWebhookWithThirdParty),
  DisableStageTransition: simulated(handleDisableStageTransition),
  EnableStageTransition: simulated(handleEnableStageTransition),
  GetActionType: simulated(handleGetActionType),
  GetJobDetails: simulated(handleGetJobDetails),
  GetPipeline: simulated(handleGetPipeline),
  GetPipelineExecution: simulated(handleGetPipelineExecution),
  GetPipelineState: simulated(handleGetPipelineState),
  GetThirdPartyJobDetails: simulated(handleGetThirdPartyJobDetails),
  ListActionExecutions: simulated(handleListActionExecutions),
  ListActionTypes: simulated(handleListActionTypes),
  ListDeployActionExecutionTargets: simulated(handleListDeployActionExecutionTargets),
  ListPipelineExecutions: simulated(handleListPipelineExecutions),
  ListPipelines: simulated(handleListPipelines),
  ListRuleExecutions: simulated(handleListRuleExecutions),
  ListRuleTypes: simulated(handleListRuleTypes),
  ListTagsForResource: simulated(handleListTagsForResource),
  ListWebhooks: simulated(handleListWebhooks),
  OverrideStageCondition: simulated(handleOverrideStageCondition),
  PollForJobs: simulated(handlePollForJobs),
  PollForThirdPartyJobs: simulated(handlePollForThirdPartyJobs),
  PutActionRevision: simulated(handlePutActionRevision),
  PutApprovalResult: simulated(handlePutApprovalResult),
  PutJobFailureResult: simulated(handlePutJobFailureResult),
  PutJobSuccessResult: simulated(handlePutJobSuccessResult),
  PutThirdPartyJobFailureResult: simulated(handlePutThirdPartyJobFailureResult),
  PutThirdPartyJobSuccessResult: simulated(handlePutThirdPartyJobSuccessResult),
  PutWebhook: simulated(handlePutWebhook),
  RegisterWebhookWithThirdParty: simulated(handleRegisterWebhookWithThirdParty),
  RetryStageExecution: simulated(handleRetryStageExecution),
  RollbackStage: simulated(handleRollbackStage),
  StartPipelineExecution: simulated(handleStartPipelineExecution),
  StopPipelineExecution: simulated(handleStopPipelineExecution),
  TagResource: simulated(handleTagResource),
  UntagResource: simulated(handleUntagResource),
  UpdateActionType: simulated(handleUpdateActionType),
  UpdatePipeline: simulated(handleUpdatePipeline),
};
