import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { isReadOnlyOperation } from "../auth/permissions";
import { accessKeyOf, regionOf, verifySignature } from "../auth/sigv4";
import type { KeyStore } from "../auth/keys";
import type { EmulatorCore } from "../engine/core";
import { NO_FAULTS, type Faults } from "../control/faults";
import type { RequestLog } from "../control/request-log";
import {
  AccessDeniedException,
  AwsError,
  InternalFailure,
  SerializationException,
  ServiceUnavailableException,
  ThrottlingException,
  UnknownOperationException,
} from "../errors";
import { handlers } from "../handlers";
import type { Handler, RequestContext } from "../handlers/types";
import type { OperationName } from "../handlers/operations";
import { inputSchemaOf, isOperationName } from "./schema";
import { validateInput } from "./validate";
import { AWS_JSON_CONTENT_TYPE, sendAwsError, sendAwsResult } from "./wire";

export const CODEPIPELINE_TARGET_PREFIX = "CodePipeline_20150709";

export interface CodePipelineDeps {
  core: EmulatorCore;
  keys: KeyStore;
  faults: Faults;
  requests: RequestLog;
  log: (line: string) => void;
}

/** `application/x-amz-json-1.1; charset=utf-8` and the like count; anything else is refused. */
export function isAwsJsonContentType(header: string | undefined): boolean {
  return header?.split(";")[0].trim().toLowerCase() === AWS_JSON_CONTENT_TYPE;
}

/** `arn:aws:codepipeline:<region>:<account>:<pipeline>` for AccessDenied messages, as IAM names the resource. */
function resourceArnOf(input: Record<string, unknown>, region: string, accountId: string): string {
  const pipeline = input.pipelineName ?? input.name ?? (input.pipeline as { name?: unknown } | undefined)?.name;
  if (typeof input.resourceArn === "string") return input.resourceArn;
  return `arn:aws:codepipeline:${region}:${accountId}:${typeof pipeline === "string" ? pipeline : "*"}`;
}

function parseBody(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    // The SDK sends `{}` for empty input; other clients may send nothing at all.
    parsed = body.trim() === "" ? {} : JSON.parse(body);
  } catch {
    throw new SerializationException("Unable to parse the request body as JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SerializationException("Start of structure or map expected: the request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

async function run(
  req: IncomingMessage,
  operationName: string,
  body: string,
  requestId: string,
  deps: CodePipelineDeps,
): Promise<unknown> {
  if (!isOperationName(operationName)) {
    throw new UnknownOperationException(`Unknown operation ${CODEPIPELINE_TARGET_PREFIX}.${operationName}`);
  }
  const operation: OperationName = operationName;
  if (!isAwsJsonContentType(req.headers["content-type"])) {
    throw new SerializationException(
      `Unsupported Content-Type '${req.headers["content-type"] ?? ""}': expected ${AWS_JSON_CONTENT_TYPE}.`,
    );
  }
  const { key, region } = await verifySignature(req, body, deps.keys);

  const fault = deps.faults.appliesTo(region) ? deps.faults.decide() : "none";
  if (fault === "throttle") throw new ThrottlingException("Rate exceeded");
  if (fault === "error") throw new InternalFailure("The request processing has failed because of an unknown error, exception or failure.");

  const json = parseBody(body);
  if (key.readOnly && !isReadOnlyOperation(operation)) {
    throw new AccessDeniedException(
      `User: ${key.arn} is not authorized to perform: codepipeline:${operation} on resource: ${resourceArnOf(json, region, key.accountId)}`,
    );
  }
  const input = validateInput(json, inputSchemaOf(operation));
  const ctx: RequestContext = {
    requestId,
    engine: deps.core.engine,
    caller: { accessKeyId: key.accessKeyId, accountId: key.accountId, region, readOnly: key.readOnly, arn: key.arn },
  };
  const handler = handlers[operation] as Handler<OperationName>;
  return await handler(input as never, ctx);
}

/** One CodePipeline call: faults, auth, parsing, validation, the handler, and the answer. Never throws. */
export async function handleCodePipeline(
  req: IncomingMessage,
  res: ServerResponse,
  operationName: string,
  body: string,
  deps: CodePipelineDeps,
): Promise<void> {
  const requestId = randomUUID();
  deps.requests.record(operationName, accessKeyOf(req));
  const faulty = deps.faults.appliesTo(regionOf(req));
  const { latencyMs, down } = faulty ? deps.faults.settings : NO_FAULTS;
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  if (down) {
    sendAwsError(req, res, requestId, new ServiceUnavailableException("Service is unavailable (emulator fault: down)."));
    return;
  }
  try {
    const output = await run(req, operationName, body, requestId, deps);
    sendAwsResult(req, res, requestId, output);
  } catch (error) {
    if (error instanceof AwsError) {
      sendAwsError(req, res, requestId, error);
    } else {
      deps.log(`InternalFailure in ${operationName} (request ${requestId}): ${error instanceof Error ? error.stack : String(error)}`);
      sendAwsError(req, res, requestId, new InternalFailure("The request processing has failed because of an unknown error, exception or failure."));
    }
  }
}
