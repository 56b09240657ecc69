import type { IncomingMessage, ServerResponse } from "node:http";
import { AwsError } from "../errors";

/**
 * Headers a browser client must be able to read: the SDK takes the request id from
 * `x-amzn-RequestId`, the error code from `x-amzn-ErrorType` (falling back to the body), and corrects its
 * clock from `Date` when a signature is refused as expired (a browser whose clock is off, or faked in tests).
 */
const EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amz-request-id, Date";

/**
 * CodePipeline calls larger than this are refused with 413 before any parsing. The largest legal
 * request is a CreatePipeline/UpdatePipeline whose structure AWS caps well below this (pipeline
 * declarations are tens of KB at most), and AWS's JSON front ends refuse multi-megabyte bodies too;
 * 1 MiB leaves a wide margin while keeping a hostile client from making the process buffer much.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Control API bodies may be whole scenarios (a thousand pipelines is several MB). */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024 * 1024;

/** A body over the limit: answered 413 (an AWS-shaped error for CodePipeline calls). */
export class RequestEntityTooLargeException extends AwsError {
  override readonly status = 413;
}

/**
 * Path and query of a request target, without `new URL` (which throws on targets such as `//`).
 * The path is left percent-encoded, as routing and SigV4 canonicalisation want it.
 */
export function splitTarget(target: string | undefined): { path: string; query: URLSearchParams } {
  const text = target ?? "/";
  const mark = text.indexOf("?");
  return mark < 0 ? { path: text, query: new URLSearchParams() } : { path: text.slice(0, mark), query: new URLSearchParams(text.slice(mark + 1)) };
}

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": req.headers.origin ?? "*",
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
    Vary: "Origin",
  };
}

/** Preflights are answered without auth, reflecting what the browser asks for (the SDK adds headers over time). */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...corsHeaders(req),
    "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "*",
    "Access-Control-Max-Age": "86400",
  });
  res.end();
}

/**
 * The body as UTF-8, or a RequestEntityTooLargeException once it passes `limit` (checked against
 * Content-Length first, then as it arrives). The rest of a refused body is read and dropped rather
 * than the socket destroyed, so the client still gets the answer instead of a connection reset.
 */
/** The request ended before its body did: there is no one to answer. */
export class ClientGoneError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new RequestEntityTooLargeException(`Request body exceeds the limit of ${limit} bytes.`);
  const declared = Number(req.headers["content-length"]);
  return new Promise((resolve, reject) => {
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!refused) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    // The client went away mid-body (or the socket failed): nobody is left to answer.
    req.on("error", () => {
      if (!refused) reject(new ClientGoneError());
      refused = true;
    });
    req.on("aborted", () => {
      if (!refused) reject(new ClientGoneError());
      refused = true;
    });
  });
}

/** How much of a refused upload is read and dropped before the connection is cut. */
const MAX_DRAIN_BYTES = 32 * 1024 * 1024;

/**
 * After answering a refused upload (the answer carries `Connection: close`): keep reading and dropping
 * the rest so the client sees the answer instead of a reset, but cut the connection after 32 MiB more
 * or 30 s, so a client cannot keep it busy forever.
 */
export function closeAfterAnswer(req: IncomingMessage): void {
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, 30_000).unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) cut();
  });
  req.once("end", () => clearTimeout(timer));
  req.socket.once("close", () => clearTimeout(timer));
  req.resume();
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...corsHeaders(req),
    "Content-Length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}
