/**
 * An AWS error answer. The class name is the wire `__type`; the status is 400 unless the model says
 * otherwise (Smithy client errors without `httpError` default to 400, server errors to 500).
 */
export class AwsError extends Error {
  /** HTTP status sent with the error. */
  readonly status: number = 400;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
