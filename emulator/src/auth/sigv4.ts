import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import {
  ExpiredTokenException,
  IncompleteSignatureException,
  InvalidSignatureException,
  MissingAuthenticationTokenException,
  UnrecognizedClientException,
} from "../errors";
import { splitTarget } from "../http/http";
import type { AccessKey, KeyStore } from "./keys";

/**
 * SHA-256 for the signer from node:crypto: the pure-JS @aws-crypto/sha256-js costs milliseconds per
 * large body, which shows under load and on megabyte bodies.
 */
export class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** The canonical path is built from the decoded path (the signer encodes it again). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** What the Authorization header says; the region comes from here, the account from the key. */
export interface SignedIdentity {
  key: AccessKey;
  region: string;
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

/** The access key of a request, if it has a well-formed Authorization header (for request counts). */
export function accessKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.match(/Credential=([^/,\s]+)\//)?.[1];
}

/** The region of a request's credential scope, unverified (faults are decided before auth). */
export function regionOf(req: IncomingMessage): string | undefined {
  return req.headers.authorization?.match(/Credential=[^/,\s]+\/\d{8}\/([^/]+)\//)?.[1];
}

function parseAuthorization(header: string): ParsedAuthorization {
  const match = AUTHORIZATION_PATTERN.exec(header.trim());
  if (!match) {
    throw new IncompleteSignatureException(
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${header.split(" ")[0]}`,
    );
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

/** `20240102T030405Z` → Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

/** What verification reads of a request: an HTTP request, or one a WebSocket message carries signed headers for. */
export type SignedRequest = Pick<IncomingMessage, "method" | "url" | "headers">;

function headerValue(req: SignedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** AWS refuses signatures dated more than 5 minutes from its own clock, either way. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** `20240102T030405Z`, as AWS writes times in signature errors. */
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Regions of AWS's partitions (us-east-1, eu-west-3, ap-southeast-4, us-gov-west-1, cn-north-1, ...). */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The request's date against the real wall clock (clients sign with real time, and the SDK corrects
 * its offset from the answer's Date header, as with AWS). A manual or sped-up simulated clock moves
 * away from real time, and tests that fake the browser's clock follow it, so a date within the window
 * of the simulated clock is accepted too; with the real clock at speed 1 (`npm start`) the two agree.
 * Errors are worded against the real clock.
 */
function checkClockSkew(signed: Date, simulatedNow: number | undefined, now = Date.now()): void {
  const at = signed.getTime();
  if (simulatedNow !== undefined && Math.abs(at - simulatedNow) <= CLOCK_SKEW_MS) return;
  if (at < now - CLOCK_SKEW_MS) {
    throw new InvalidSignatureException(`Signature expired: ${amzDate(at)} is now earlier than ${amzDate(now - CLOCK_SKEW_MS)} (${amzDate(now)} - 5 min.)`);
  }
  if (at > now + CLOCK_SKEW_MS) {
    throw new InvalidSignatureException(`Signature not yet current: ${amzDate(at)} is still later than ${amzDate(now + CLOCK_SKEW_MS)} (${amzDate(now)} + 5 min.)`);
  }
}

function checkScope(parsed: ParsedAuthorization, service: string): void {
  if (parsed.service !== service) throw new InvalidSignatureException(`Credential should be scoped to correct service: '${service}'. `);
  if (!REGION.test(parsed.region)) throw new InvalidSignatureException(`Credential should be scoped to a valid region, not '${parsed.region}'. `);
}

export interface Expectations {
  /** The signing name the credential scope must carry: `codepipeline`, `sts`. */
  service: string;
  /** The emulator's simulated time (epoch ms), also accepted as the request's time (see checkClockSkew). */
  simulatedNow?: number;
}

/**
 * Verify a SigV4-signed request by signing the same canonical request again with the secret the key
 * store holds, using smithy's signer (the one the SDK itself uses), and comparing signatures. Throws
 * the error AWS answers for each way of failing, in AWS's order: the date, the credential scope, the
 * key, the session, the signature.
 */
export async function verifySignature(req: SignedRequest, body: string, keys: KeyStore, { service, simulatedNow }: Expectations): Promise<SignedIdentity> {
  const authorization = headerValue(req, "authorization");
  if (!authorization) {
    throw new MissingAuthenticationTokenException("Missing Authentication Token");
  }
  const parsed = parseAuthorization(authorization);
  const signingDate = parseAmzDate(headerValue(req, "x-amz-date"));
  if (!signingDate) {
    throw new IncompleteSignatureException("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  checkClockSkew(signingDate, simulatedNow);
  checkScope(parsed, service);
  const key = keys.find(parsed.accessKeyId);
  if (!key) {
    throw new UnrecognizedClientException("The security token included in the request is invalid.");
  }
  if (key.sessionToken !== undefined) {
    if (headerValue(req, "x-amz-security-token") !== key.sessionToken) {
      throw new UnrecognizedClientException("The security token included in the request is invalid.");
    }
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      throw new ExpiredTokenException("The security token included in the request is expired");
    }
  }

  const url = splitTarget(req.url);
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = headerValue(req, name);
    if (value !== undefined) headers[name] = value;
  }
  // The signer trusts a payload-hash header; use the hash of the body actually received so a body
  // changed after signing fails verification.
  if (headers["x-amz-content-sha256"] !== undefined && headers["x-amz-content-sha256"] !== "UNSIGNED-PAYLOAD") {
    headers["x-amz-content-sha256"] = createHash("sha256").update(body, "utf8").digest("hex");
  }
  const query: Record<string, string> = {};
  url.query.forEach((value, name) => (query[name] = value));

  const signer = new SignatureV4({
    service: parsed.service,
    region: parsed.region,
    sha256: NodeSha256,
    // Only clients that sent x-amz-content-sha256 signed it; never add it on our side.
    applyChecksum: false,
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: key.sessionToken },
  });
  const resigned = await signer.sign(
    { method: req.method ?? "POST", protocol: "http:", hostname: headers.host ?? "", path: decodePath(url.path), query, headers, body },
    { signingDate, signableHeaders: new Set(parsed.signedHeaders) },
  );
  const expected = String(resigned.headers.authorization ?? "").match(/Signature=([0-9a-f]{64})/)?.[1];
  if (expected !== parsed.signature) {
    throw new InvalidSignatureException(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  return { key, region: parsed.region };
}
