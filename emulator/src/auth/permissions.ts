import type { OperationName } from "../protocol/operations";

/**
 * Operations a read-only principal may call: the IAM "Read" and "List" access levels of
 * CodePipeline (every Get* and List*). Anything else mutates and gets AccessDeniedException.
 */
export function isReadOnlyOperation(operation: OperationName): boolean {
  return operation.startsWith("Get") || operation.startsWith("List");
}
