/**
 * A service's contract as the emulator reads it: what `emulator/scripts/generate-model.ts` keeps of
 * the service's published Smithy model (operations, shapes, required members, and the length, pattern,
 * range and enum constraints AWS validates). The SDK's own schemas carry the shapes but none of the
 * constraints, so the model is the one source of both.
 */
export interface ServiceModel<Operation extends string = string> {
  /** The SDK's service id, e.g. `CodePipeline`. */
  sdkId: string;
  /** `X-Amz-Target: <targetPrefix>.<Operation>` (the model's service shape name). */
  targetPrefix: string;
  /** The SigV4 signing name (credential scope service), e.g. `codepipeline`. */
  signingName: string;
  /** AWS JSON protocol version: the content type is `application/x-amz-json-<jsonVersion>`. */
  jsonVersion: "1.0" | "1.1";
  operations: Record<Operation, OperationModel>;
  /** By shape name (the service's own shapes unqualified, Smithy's prelude as `smithy.api#Name`). */
  shapes: Record<string, Shape>;
}

export interface OperationModel {
  /** Input structure; absent when the operation takes none (`smithy.api#Unit`). */
  input?: string;
  output?: string;
}

/** Constraint traits, on a shape or (overriding the shape's) on a member. */
export interface Constraints {
  /** String length, or item count for lists and maps. */
  length?: Bounds;
  /** Smithy pattern (an ECMAScript regular expression, not implicitly anchored). */
  pattern?: string;
  range?: Bounds;
  enum?: readonly string[];
}

export interface Bounds {
  min?: number;
  max?: number;
}

export interface Member extends Constraints {
  target: string;
  required?: true;
}

export type Shape =
  | ({ type: "structure" | "union"; members: Record<string, Member> } & Constraints)
  | ({ type: "list"; member: Member } & Constraints)
  | ({ type: "map"; key: Member; value: Member } & Constraints)
  | ({ type: "string" | "number" | "boolean" | "timestamp" | "blob" | "document" } & Constraints);

export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`The ${model.sdkId} model has no shape ${name}.`);
  return shape;
}

/** The constraints that apply where a member is used: its target's, with the member's own on top. */
export function constraintsOf(shape: Shape, member: Member | undefined): Constraints {
  return member ? { length: member.length ?? shape.length, pattern: member.pattern ?? shape.pattern, range: member.range ?? shape.range, enum: member.enum ?? shape.enum } : shape;
}
