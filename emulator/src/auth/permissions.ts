/**
 * Operations a read-only principal may call: those of IAM's "Read" and "List" access levels, which
 * AWS JSON services name Get*, List*, BatchGet*, Describe* and Filter* (CodePipeline has Get* and
 * List*; CodeBuild's BatchGetBuilds and CloudWatch Logs' FilterLogEvents are reads too). Anything else
 * mutates and gets AccessDeniedException.
 */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Get|List|BatchGet|Describe|Filter)[A-Z]/.test(operation);
}
