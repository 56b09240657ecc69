import {
  acknowledgeJob,
  jobDetails,
  pollForJobs,
  putJobFailure,
  putJobSuccess,
} from "../engine/jobs";
import { scope } from "./context";
import type { Handler } from "./types";

/*
 * The ten job-worker operations (custom actions and third-party actions); the job lifecycle,
 * timeouts and errors are in ../engine/jobs.ts.
 */

export const handlePollForJobs: Handler<"PollForJobs"> = (input, ctx) => {
  const jobs = pollForJobs(ctx.engine, scope(ctx), "Custom", input.actionTypeId!, input.maxBatchSize, input.queryParam);
  return { jobs: jobs.map(({ job, data }) => ({ id: job.id, data, nonce: job.nonce, accountId: ctx.caller.accountId })) };
};

export const handleAcknowledgeJob: Handler<"AcknowledgeJob"> = (input, ctx) => ({
  status: acknowledgeJob(ctx.engine, scope(ctx), "Custom", input.jobId!, input.nonce!),
});

export const handleGetJobDetails: Handler<"GetJobDetails"> = (input, ctx) => {
  const { job, data } = jobDetails(ctx.engine, scope(ctx), "Custom", input.jobId!);
  return { jobDetails: { id: job.id, data, accountId: ctx.caller.accountId } };
};

export const handlePutJobSuccessResult: Handler<"PutJobSuccessResult"> = (input, ctx) => {
  putJobSuccess(ctx.engine, scope(ctx), "Custom", input.jobId!, input);
  return {};
};

export const handlePutJobFailureResult: Handler<"PutJobFailureResult"> = (input, ctx) => {
  putJobFailure(ctx.engine, scope(ctx), "Custom", input.jobId!, input.failureDetails!);
  return {};
};

export const handlePollForThirdPartyJobs: Handler<"PollForThirdPartyJobs"> = (input, ctx) => {
  const jobs = pollForJobs(ctx.engine, scope(ctx), "ThirdParty", input.actionTypeId!, input.maxBatchSize);
  return { jobs: jobs.map(({ job }) => ({ clientId: job.clientId, jobId: job.id })) };
};

export const handleGetThirdPartyJobDetails: Handler<"GetThirdPartyJobDetails"> = (input, ctx) => {
  const { job, data } = jobDetails(ctx.engine, scope(ctx), "ThirdParty", input.jobId!, input.clientToken!);
  return { jobDetails: { id: job.id, data, nonce: job.nonce } };
};

export const handleAcknowledgeThirdPartyJob: Handler<"AcknowledgeThirdPartyJob"> = (input, ctx) => ({
  status: acknowledgeJob(ctx.engine, scope(ctx), "ThirdParty", input.jobId!, input.nonce!, input.clientToken!),
});

export const handlePutThirdPartyJobSuccessResult: Handler<"PutThirdPartyJobSuccessResult"> = (input, ctx) => {
  putJobSuccess(ctx.engine, scope(ctx), "ThirdParty", input.jobId!, input, input.clientToken!);
  return {};
};

export const handlePutThirdPartyJobFailureResult: Handler<"PutThirdPartyJobFailureResult"> = (input, ctx) => {
  putJobFailure(ctx.engine, scope(ctx), "ThirdParty", input.jobId!, input.failureDetails!, input.clientToken!);
  return {};
};
