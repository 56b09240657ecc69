import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccessKey, KeyStore } from "../auth/keys";
import { verifySignature } from "../auth/sigv4";
import type { RequestLog } from "../control/request-log";
import { AwsError } from "../errors";
import { parseForm, sendStsError, sendStsResult, StsError } from "./query-protocol";
import type { RoleConfig } from "./roles";

export const STS_VERSION = "2011-06-15";

export interface StsDeps {
  keys: KeyStore;
  roles: RoleConfig[];
  requests: RequestLog;
  /** The emulator's simulated time, accepted as a signature's time too (see auth/sigv4.ts). */
  simulatedNow(): number;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** SigV4 failures, in the codes and statuses STS answers them with (it is not a JSON service). */
const SIGNATURE_ERRORS: Record<string, [code: string, status: number]> = {
  UnrecognizedClientException: ["InvalidClientTokenId", 403],
  InvalidSignatureException: ["SignatureDoesNotMatch", 403],
  ExpiredTokenException: ["ExpiredToken", 400],
  IncompleteSignatureException: ["IncompleteSignature", 400],
  MissingAuthenticationTokenException: ["MissingAuthenticationToken", 403],
};

function validationError(member: string, value: string | undefined, constraint: string): StsError {
  const shown = value === undefined ? "null" : `'${value}'`;
  return new StsError("ValidationError", `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

function assumeRole(form: Map<string, string>, caller: AccessKey, deps: StsDeps): Record<string, unknown> {
  const arn = form.get("RoleArn");
  if (arn === undefined) throw validationError("roleArn", arn, "Member must not be null");
  const sessionName = form.get("RoleSessionName");
  if (sessionName === undefined || !SESSION_NAME.test(sessionName)) {
    throw validationError("roleSessionName", sessionName, sessionName === undefined ? "Member must not be null" : "Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64");
  }
  const match = ROLE_ARN.exec(arn);
  if (!match) throw new StsError("ValidationError", `${arn} is invalid`);
  const [, accountId, name] = match;
  const role = deps.roles.find((r) => r.accountId === accountId && r.name === name);
  // AWS says the same for a missing role and for one that does not trust the caller.
  if (!role || (role.accountId !== caller.accountId && !role.trustedAccounts.includes(caller.accountId))) {
    throw new StsError("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`, 403);
  }
  const durationText = form.get("DurationSeconds");
  const duration = durationText === undefined ? 3600 : Number(durationText);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw validationError("durationSeconds", durationText, "Member must have value between 900 and 43200");
  }
  if (duration > (role.maxSessionSeconds ?? 3600)) {
    throw new StsError("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  const assumedArn = `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
  // The emulator's credential lifetime (POST /_emulator/credentials) caps sessions, so tests can make them short.
  const key = deps.keys.issueTemporary(
    { accountId: role.accountId, readOnly: role.readOnly, arn: assumedArn },
    new Date(),
    Math.min(duration, deps.keys.lifetimeSeconds),
  );
  return {
    Credentials: { AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey, SessionToken: key.sessionToken, Expiration: key.expiresAt },
    AssumedRoleUser: { AssumedRoleId: `AROA${randomBytes(8).toString("hex").toUpperCase()}:${sessionName}`, Arn: assumedArn },
  };
}

function callerIdentity(caller: AccessKey): Record<string, unknown> {
  return { UserId: caller.accessKeyId, Account: caller.accountId, Arn: caller.arn };
}

/** One STS call (AssumeRole or GetCallerIdentity), answered in XML. Never throws. */
export async function handleSts(req: IncomingMessage, res: ServerResponse, body: string, deps: StsDeps): Promise<void> {
  const requestId = randomUUID();
  const form = parseForm(body);
  const action = form.get("Action") ?? "";
  deps.requests.record(`sts:${action}`, undefined);
  try {
    let caller: AccessKey;
    try {
      caller = (await verifySignature(req, body, deps.keys, { service: "sts", simulatedNow: deps.simulatedNow() })).key;
    } catch (error) {
      const mapped = error instanceof AwsError ? SIGNATURE_ERRORS[error.name] : undefined;
      if (!mapped) throw error;
      throw new StsError(mapped[0], error instanceof Error ? error.message : String(error), mapped[1]);
    }
    if (form.get("Version") !== STS_VERSION || (action !== "AssumeRole" && action !== "GetCallerIdentity")) {
      throw new StsError("InvalidAction", `Could not find operation ${action} for version ${form.get("Version") ?? "NO_VERSION_SPECIFIED"}`);
    }
    const result = action === "AssumeRole" ? assumeRole(form, caller, deps) : callerIdentity(caller);
    sendStsResult(req, res, requestId, action, result);
  } catch (error) {
    if (!(error instanceof StsError)) throw error;
    sendStsError(req, res, requestId, error);
  }
}
