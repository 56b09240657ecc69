/**
 * One class per AWS error shape. The name is the wire `__type`; the status is 400 except where the
 * model says otherwise (ConflictException carries `httpError: 409` in the SDK's schema; Smithy
 * client errors without `httpError` default to 400). Messages follow AWS's wording where known.
 */
export class AwsError extends Error {
  /** HTTP status sent with the error. */
  readonly status: number = 400;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

// Modeled CodePipeline errors (SDK schema, 42 shapes).
export class ActionExecutionNotFoundException extends AwsError {}
export class ActionNotFoundException extends AwsError {}
export class ActionTypeNotFoundException extends AwsError {}
export class ApprovalAlreadyCompletedException extends AwsError {}
export class ConcurrentModificationException extends AwsError {}
export class ConcurrentPipelineExecutionsLimitExceededException extends AwsError {}
export class ConditionNotOverridableException extends AwsError {}
export class ConflictException extends AwsError {
  override readonly status = 409;
}
export class DuplicatedStopRequestException extends AwsError {}
export class InvalidActionDeclarationException extends AwsError {}
export class InvalidApprovalTokenException extends AwsError {}
export class InvalidArnException extends AwsError {}
export class InvalidBlockerDeclarationException extends AwsError {}
export class InvalidClientTokenException extends AwsError {}
export class InvalidJobException extends AwsError {}
export class InvalidJobStateException extends AwsError {}
export class InvalidNextTokenException extends AwsError {}
export class InvalidNonceException extends AwsError {}
export class InvalidStageDeclarationException extends AwsError {}
export class InvalidStructureException extends AwsError {}
export class InvalidTagsException extends AwsError {}
export class InvalidWebhookAuthenticationParametersException extends AwsError {}
export class InvalidWebhookFilterPatternException extends AwsError {}
export class JobNotFoundException extends AwsError {}
export class LimitExceededException extends AwsError {}
export class NotLatestPipelineExecutionException extends AwsError {}
export class OutputVariablesSizeExceededException extends AwsError {}
export class PipelineExecutionNotFoundException extends AwsError {}
export class PipelineExecutionNotStoppableException extends AwsError {}
export class PipelineExecutionOutdatedException extends AwsError {}
export class PipelineNameInUseException extends AwsError {}
export class PipelineNotFoundException extends AwsError {}
export class PipelineVersionNotFoundException extends AwsError {}
export class RequestFailedException extends AwsError {}
export class ResourceNotFoundException extends AwsError {}
export class StageNotFoundException extends AwsError {}
export class StageNotRetryableException extends AwsError {}
export class TooManyTagsException extends AwsError {}
export class UnableToRollbackStageException extends AwsError {}
export class ValidationException extends AwsError {}
export class WebhookNotFoundException extends AwsError {}

// Common AWS errors that every JSON service can answer (not in the CodePipeline model).
export class UnknownOperationException extends AwsError {}
export class SerializationException extends AwsError {}
export class AccessDeniedException extends AwsError {}
export class UnrecognizedClientException extends AwsError {}
export class InvalidSignatureException extends AwsError {}
export class IncompleteSignatureException extends AwsError {}
export class MissingAuthenticationTokenException extends AwsError {}
export class ExpiredTokenException extends AwsError {}
export class ThrottlingException extends AwsError {}
export class InternalFailure extends AwsError {
  override readonly status = 500;
}
export class ServiceUnavailableException extends AwsError {
  override readonly status = 503;
}
/** Our own: an operation of the model the emulator does not simulate. */
export class UnsupportedOperationException extends AwsError {}

// Cognito Identity errors the emulator's identity service answers.
export class NotAuthorizedException extends AwsError {}
export class CognitoResourceNotFoundException extends AwsError {
  override readonly name = "ResourceNotFoundException";
}
export class InvalidParameterException extends AwsError {}
