import { handlers } from "../handlers";
import type { OperationName } from "../handlers/operations";
import type { JsonService } from "./json-service";
import { model as codepipeline, type Operation as CodePipelineOperation } from "./models/codepipeline";

/** True only when A and B are the same union: the handler table and the model name the same operations. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyOperationHandled: Same<OperationName, CodePipelineOperation> = true;
void everyOperationHandled;

/** `arn:aws:codepipeline:<region>:<account>:<pipeline>`, as IAM names the resource in AccessDenied messages. */
function pipelineArnOf(input: Record<string, unknown>, caller: { region: string; accountId: string }): string {
  if (typeof input.resourceArn === "string") return input.resourceArn;
  const pipeline = input.pipelineName ?? input.name ?? (input.pipeline as { name?: unknown } | undefined)?.name;
  return `arn:aws:codepipeline:${caller.region}:${caller.accountId}:${typeof pipeline === "string" ? pipeline : "*"}`;
}

export const CODEPIPELINE: JsonService = { model: codepipeline, handlers, resourceArn: pipelineArnOf };

/** The AWS JSON services the endpoint answers, found by their `X-Amz-Target` prefix. */
export const JSON_SERVICES: readonly JsonService[] = [CODEPIPELINE];

export function serviceFor(targetPrefix: string): JsonService | undefined {
  return JSON_SERVICES.find((s) => s.model.targetPrefix === targetPrefix);
}
