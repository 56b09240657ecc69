import { AwsError } from "./aws-error";

/** Errors every AWS JSON service answers, in no service's model. */
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

/** Cognito Identity's errors, as the emulator's identity service answers them. */
export class NotAuthorizedException extends AwsError {}
export class CognitoResourceNotFoundException extends AwsError {
  override readonly name = "ResourceNotFoundException";
}
export class InvalidParameterException extends AwsError {}
