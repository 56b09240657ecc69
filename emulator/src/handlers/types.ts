import type { Engine } from "../engine/engine";
import type { OperationInput, OperationName, OperationOutput } from "./operations";

/** Who is calling, resolved by the auth layer from the SigV4 access key and credential scope. */
export interface Caller {
  accessKeyId: string;
  accountId: string;
  region: string;
  /** Read-only principals get AccessDeniedException for mutating operations (checked before the handler). */
  readOnly: boolean;
  /** e.g. `arn:aws:sts::123456789012:assumed-role/CodePipelineDashboardOperator/CognitoIdentityCredentials`. */
  arn: string;
}

export interface RequestContext {
  requestId: string;
  caller: Caller;
  /** The simulation the operation reads and changes; the handler table brings it up to the clock first. */
  engine: Engine;
}

/**
 * One handler per operation: model-valid input in (the protocol layer has checked member types,
 * required members, lengths, patterns, ranges and enums, and turned timestamps into Dates),
 * the SDK's output shape out (Dates are written as epoch seconds by the protocol layer).
 * Errors are thrown as the classes in ../errors.ts.
 */
export type Handler<Op extends OperationName> = (
  input: OperationInput<Op>,
  ctx: RequestContext,
) => OperationOutput<Op> | Promise<OperationOutput<Op>>;

export type HandlerTable = { [Op in OperationName]: Handler<Op> };

/** A handler of another service (CodeBuild, CloudWatch Logs), typed by that service's SDK shapes. */
export type ServiceHandler<Input, Output> = (input: Input, ctx: RequestContext) => Output | Promise<Output>;
