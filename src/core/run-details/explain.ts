/**
 * What to say when one piece of the details cannot be read: each piece (the build, its log, the deploy
 * targets, the rule results) explains its own failure while the others show, and a missing permission names
 * the IAM action and the policy that grants it.
 */

export interface ReadProblem {
  kind: "permission" | "missing" | "throttled" | "elsewhere" | "other";
  title: string;
  detail: string;
}

/** Where the README explains the roles and their policy files (generated from deploy/lib/permissions.ts). */
export const POLICY_HINT = "deploy/iam-policy-read-only.json (README: Running it against real AWS, By hand)";

const PERMISSION_ERRORS = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnauthorizedException"]);
const THROTTLING_ERRORS = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException"]);

export function explainReadError(error: { name?: string; message?: string }, permission: string, what: string): ReadProblem {
  const name = error.name ?? "Error";
  if (PERMISSION_ERRORS.has(name)) {
    return {
      kind: "permission",
      title: `Not allowed: ${permission}`,
      detail: `The dashboard's role may not call ${permission}, so ${what} cannot be shown; everything else still is. Grant it as ${POLICY_HINT} does.`,
    };
  }
  if (name === "ResourceNotFoundException") {
    return {
      kind: "missing",
      title: `${capitalise(what)} no longer exists`,
      detail: `AWS says it does not exist: it was deleted, or its retention period expired. (${error.message ?? name})`,
    };
  }
  if (THROTTLING_ERRORS.has(name)) {
    return { kind: "throttled", title: "AWS is throttling these reads", detail: `Trying again more slowly; what was read stays on screen. (${error.message ?? name})` };
  }
  return { kind: "other", title: `Could not read ${what}`, detail: name !== "Error" ? `${name}: ${error.message ?? ""}` : (error.message ?? name) };
}

/** A build or log that lives in another account or region than the pipeline's source: said, not fetched. */
export function elsewhere(what: string, where: { region?: string; account?: string }, source: { region: string; account?: string }): ReadProblem | undefined {
  const otherRegion = where.region && where.region !== source.region ? where.region : undefined;
  const otherAccount = where.account && source.account && where.account !== source.account ? where.account : undefined;
  if (!otherRegion && !otherAccount) return undefined;
  const place = [otherAccount && `account ${otherAccount}`, otherRegion && `region ${otherRegion}`].filter(Boolean).join(", ");
  return {
    kind: "elsewhere",
    title: `${capitalise(what)} is in ${place}`,
    detail: `The dashboard reads CodeBuild and CloudWatch Logs in the pipeline's own account and region (${[source.account, source.region].filter(Boolean).join(", ")}); add that account and region as a source to read it, or open it in the AWS console.`,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
