import type { IncomingMessage, ServerResponse } from "node:http";
import type { AwsError } from "../errors";
import { sendJson } from "../http/http";

/** AWS JSON 1.1: requests and answers, errors included, carry this content type (1.0 services theirs). */
export const AWS_JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/**
 * awsJson1_1 writes timestamps as epoch seconds (a JSON number, fractions allowed); the SDK's
 * `parseEpochTimestamp` rejects ISO strings. `undefined` members are dropped by JSON.stringify.
 * Dates are swapped for numbers in one walk first: a JSON.stringify replacer would take V8 off its
 * fast path for every value of every answer, which showed as the top wire-layer cost under load.
 */
export function toAwsJson(value: unknown): string {
  return JSON.stringify(withEpochSeconds(value));
}

function withEpochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(withEpochSeconds);
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) copy[key] = withEpochSeconds((value as Record<string, unknown>)[key]);
  }
  return copy;
}

/** `application/x-amz-json-1.1; charset=utf-8` and the like count; anything else is refused. */
export function hasContentType(header: string | undefined, expected: string): boolean {
  return header?.split(";")[0].trim().toLowerCase() === expected;
}

export function sendAwsResult(req: IncomingMessage, res: ServerResponse, requestId: string, output: unknown, contentType = AWS_JSON_CONTENT_TYPE): void {
  sendJson(req, res, 200, toAwsJson(output ?? {}), {
    "Content-Type": contentType,
    "x-amzn-RequestId": requestId,
  });
}

/**
 * The error type goes in the body (`__type`, the only place botocore looks) and in
 * `x-amzn-ErrorType` (where the SDK looks first). Never a `code` member: the SDK would prefer it.
 */
export function sendAwsError(req: IncomingMessage, res: ServerResponse, requestId: string, error: AwsError, contentType = AWS_JSON_CONTENT_TYPE): void {
  sendJson(req, res, error.status, JSON.stringify({ __type: error.name, message: error.message }), {
    "Content-Type": contentType,
    "x-amzn-RequestId": requestId,
    "x-amzn-ErrorType": error.name,
  });
}
