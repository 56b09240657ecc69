import { InvalidParameterException, ResourceNotFoundException, ValidationException } from "../errors/cloudwatch-logs";
import type { ActionRunRef } from "../state/records";
import { scopeKey } from "../state/world";
import { scope } from "./context";
import type { RequestContext } from "./types";

/** `logGroupName` or `logGroupIdentifier` (a name or the group's ARN, with or without `:*`), never both. */
export function logGroupNameOf(ctx: RequestContext, input: { logGroupName?: string; logGroupIdentifier?: string }): string {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw new ValidationException("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  const identifier = input.logGroupName ?? input.logGroupIdentifier;
  if (identifier === undefined) throw new InvalidParameterException("Either logGroupName or logGroupIdentifier must be specified.");
  const arn = /^arn:aws[\w-]*:logs:([^:]*):(\d{12}):log-group:(.+?)(:\*)?$/.exec(identifier);
  if (!arn) return identifier;
  const { region, accountId } = scope(ctx);
  // Another account's group needs CloudWatch cross-account observability, which the emulator has not.
  if (arn[1] !== region || arn[2] !== accountId) throw new ResourceNotFoundException("The specified log group does not exist.");
  return arn[3];
}

/** The caller's log group by name, as its streams: every action run that logs to it. */
export function logGroup(ctx: RequestContext, name: string): Record<string, ActionRunRef> {
  const groups = ctx.engine.world.regions[scopeKey(scope(ctx))]?.logStreams ?? {};
  if (!Object.hasOwn(groups, name)) throw new ResourceNotFoundException("The specified log group does not exist.");
  return groups[name];
}
