import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { KeyStore } from "../auth/keys";
import { isDenied, isReadOnlyOperation } from "../auth/permissions";
import { accessKeyOf, regionOf, verifySignature } from "../auth/sigv4";
import { NO_FAULTS, type Faults } from "../control/faults";
import type { RequestLog } from "../control/request-log";
import type { Engine } from "../engine/engine";
import {
  AccessDeniedException,
  AwsError,
  InternalFailure,
  SerializationException,
  ServiceUnavailableException,
  ThrottlingException,
  UnknownOperationException,
} from "../errors";
import type { Caller, RequestContext } from "../handlers/types";
import type { ServiceModel } from "./model";
import { validateInput } from "./validate";
import { hasContentType, sendAwsError, sendAwsResult } from "./wire";

/**
 * One AWS JSON service on the emulator's endpoint: its model (target prefix, signing name, JSON
 * version, shapes), a handler per operation, and how IAM names the resource of a call (for
 * AccessDenied), and the error its input validation answers. CodePipeline, CodeBuild and CloudWatch
 * Logs are three (./services.ts).
 */
export interface JsonService {
  model: ServiceModel;
  handlers: Record<string, (input: never, ctx: RequestContext) => unknown>;
  resourceArn(input: Record<string, unknown>, caller: Caller, operation: string): string;
  /** AWS's "1 validation error detected: …" comes as ValidationException (CodePipeline), InvalidParameterException (Logs), … */
  invalidInput(message: string): AwsError;
}

export interface JsonServiceDeps {
  engine: Engine;
  keys: KeyStore;
  faults: Faults;
  requests: RequestLog;
  log: (line: string) => void;
}

export const contentTypeOf = (service: JsonService) => `application/x-amz-json-${service.model.jsonVersion}`;

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

async function run(req: IncomingMessage, service: JsonService, operation: string, body: string, requestId: string, deps: JsonServiceDeps): Promise<unknown> {
  const { model } = service;
  if (!Object.hasOwn(model.operations, operation)) throw new UnknownOperationException(`Unknown operation ${model.targetPrefix}.${operation}`);
  const contentType = contentTypeOf(service);
  if (!hasContentType(req.headers["content-type"], contentType)) {
    throw new SerializationException(`Unsupported Content-Type '${req.headers["content-type"] ?? ""}': expected ${contentType}.`);
  }
  const { key, region } = await verifySignature(req, body, deps.keys, { service: model.signingName, simulatedNow: deps.engine.now() });

  const fault = deps.faults.appliesTo({ region, accountId: key.accountId, service: model.signingName }) ? deps.faults.decide() : "none";
  if (fault === "throttle") throw new ThrottlingException("Rate exceeded");
  if (fault === "error") throw new InternalFailure("The request processing has failed because of an unknown error, exception or failure.");

  const json = parseBody(body);
  const caller: Caller = { accessKeyId: key.accessKeyId, accountId: key.accountId, region, readOnly: key.readOnly, arn: key.arn };
  const action = `${model.signingName}:${operation}`;
  const notAuthorized = () => `User: ${key.arn} is not authorized to perform: ${action} on resource: ${service.resourceArn(json, caller, operation)}`;
  if (key.readOnly && !isReadOnlyOperation(operation)) throw new AccessDeniedException(notAuthorized());
  // A policy that lacks the action: IAM's current wording says why.
  if (isDenied(key.deny, action)) throw new AccessDeniedException(`${notAuthorized()} because no identity-based policy allows the ${action} action`);
  const input = validateInput(json, model, operation, service.invalidInput);
  const handler = service.handlers[operation];
  return await handler(input as never, { requestId, caller, engine: deps.engine });
}

/** One call of a JSON service: faults, auth, parsing, validation, the handler, and the answer. Never throws. */
export async function handleJsonCall(
  req: IncomingMessage,
  res: ServerResponse,
  service: JsonService,
  operation: string,
  body: string,
  deps: JsonServiceDeps,
): Promise<void> {
  const requestId = randomUUID();
  deps.requests.record(operation, accessKeyOf(req));
  const contentType = contentTypeOf(service);
  // Decided before auth, as an outage would be: the account is the one of the key the call is signed with.
  const faulty = deps.faults.appliesTo({ region: regionOf(req), accountId: deps.keys.find(accessKeyOf(req) ?? "")?.accountId, service: service.model.signingName });
  const { latencyMs, down } = faulty ? deps.faults.settings : NO_FAULTS;
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  if (down) {
    sendAwsError(req, res, requestId, new ServiceUnavailableException("Service is unavailable (emulator fault: down)."), contentType);
    return;
  }
  try {
    const output = await run(req, service, operation, body, requestId, deps);
    sendAwsResult(req, res, requestId, output, contentType);
  } catch (error) {
    if (error instanceof AwsError) {
      sendAwsError(req, res, requestId, error, contentType);
    } else {
      deps.log(`InternalFailure in ${service.model.targetPrefix}.${operation} (request ${requestId}): ${error instanceof Error ? error.stack : String(error)}`);
      sendAwsError(req, res, requestId, new InternalFailure("The request processing has failed because of an unknown error, exception or failure."), contentType);
    }
  }
}
