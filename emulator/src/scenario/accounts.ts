/**
 * The accounts of the emulator's built-in world: the `test`/`readonly` keys and the identity pools
 * live in the first (LocalStack's default too), the second is reached through STS AssumeRole, and
 * scenarios default to the first account in us-east-1.
 */
export const DEFAULT_ACCOUNT_ID = "123456789012";
export const SECOND_ACCOUNT_ID = "210987654321";
export const DEFAULT_REGION = "us-east-1";
