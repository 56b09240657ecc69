import { ValidationException } from "../errors";
import { InvalidParameterException } from "../errors/cloudwatch-logs";
import { InvalidInputException } from "../errors/codebuild";
import { handleBatchGetBuilds } from "../handlers/batch-get-builds";
import { handleDeleteLogGroup } from "../handlers/delete-log-group";
import { handleFilterLogEvents } from "../handlers/filter-log-events";
import { handleGetLogEvents } from "../handlers/get-log-events";
import { handlers, simulated } from "../handlers";
import type { OperationName } from "../handlers/operations";
import type { Caller } from "../handlers/types";
import type { JsonService } from "./json-service";
import { model as cloudwatchLogs, type Operation as LogsOperation } from "./models/cloudwatch-logs";
import { model as codebuild, type Operation as CodeBuildOperation } from "./models/codebuild";
import { model as codepipeline, type Operation as CodePipelineOperation } from "./models/codepipeline";

/** True only when A and B are the same union: a handler table and its model name the same operations. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyOperationHandled: Same<OperationName, CodePipelineOperation> = true;
void everyOperationHandled;

type Input = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : "*");

/** `arn:aws:codepipeline:<region>:<account>:<pipeline>`, as IAM names the resource in AccessDenied messages. */
function pipelineArnOf(input: Input, caller: Caller): string {
  if (typeof input.resourceArn === "string") return input.resourceArn;
  const pipeline = input.pipelineName ?? input.name ?? (input.pipeline as { name?: unknown } | undefined)?.name;
  return `arn:aws:codepipeline:${caller.region}:${caller.accountId}:${text(pipeline)}`;
}

export const CODEPIPELINE: JsonService = {
  model: codepipeline,
  handlers,
  resourceArn: pipelineArnOf,
  invalidInput: (message) => new ValidationException(message),
};

const codebuildHandlers: { [Op in CodeBuildOperation]: JsonService["handlers"][string] } = {
  BatchGetBuilds: simulated(handleBatchGetBuilds),
};

/** IAM authorizes BatchGetBuilds on the builds' project: `arn:aws:codebuild:<region>:<account>:project/<project>`. */
function projectArnOf(input: Input, caller: Caller): string {
  const [first] = Array.isArray(input.ids) ? input.ids : [];
  const id = text(first).replace(/^arn:aws[\w-]*:codebuild:[^:]*:\d{12}:build\//, "");
  return `arn:aws:codebuild:${caller.region}:${caller.accountId}:project/${id.includes(":") ? id.slice(0, id.indexOf(":")) : "*"}`;
}

/** CodeBuild (`CodeBuild_20161006.*`, signing name `codebuild`): the builds of simulated CodeBuild actions. */
export const CODEBUILD: JsonService = {
  model: codebuild,
  handlers: codebuildHandlers,
  resourceArn: projectArnOf,
  invalidInput: (message) => new InvalidInputException(message),
};

const logsHandlers: { [Op in LogsOperation]: JsonService["handlers"][string] } = {
  DeleteLogGroup: simulated(handleDeleteLogGroup),
  FilterLogEvents: simulated(handleFilterLogEvents),
  GetLogEvents: simulated(handleGetLogEvents),
};

/** IAM authorizes GetLogEvents on the stream and FilterLogEvents on the group (its ARN ends in `:log-stream:`). */
function logArnOf(input: Input, caller: Caller, operation: string): string {
  const group = text(input.logGroupName ?? input.logGroupIdentifier).replace(/^arn:aws[\w-]*:logs:[^:]*:\d{12}:log-group:/, "").replace(/:\*$/, "");
  const base = `arn:aws:logs:${caller.region}:${caller.accountId}:log-group:${group}`;
  if (operation === "GetLogEvents") return `${base}:log-stream:${text(input.logStreamName)}`;
  return operation === "FilterLogEvents" ? `${base}:log-stream:` : base;
}

/** CloudWatch Logs (`Logs_20140328.*`, signing name `logs`): the logs of builds and Commands runs. */
export const CLOUDWATCH_LOGS: JsonService = {
  model: cloudwatchLogs,
  handlers: logsHandlers,
  resourceArn: logArnOf,
  invalidInput: (message) => new InvalidParameterException(message),
};

/** The AWS JSON services the endpoint answers, found by their `X-Amz-Target` prefix. */
export const JSON_SERVICES: readonly JsonService[] = [CODEPIPELINE, CODEBUILD, CLOUDWATCH_LOGS];

export function serviceFor(targetPrefix: string): JsonService | undefined {
  return JSON_SERVICES.find((s) => s.model.targetPrefix === targetPrefix);
}
