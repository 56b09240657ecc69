/**
 * Operations a read-only principal may call: those of IAM's "Read" and "List" access levels, which
 * AWS JSON services name Get*, List*, BatchGet*, Describe* and Filter* (CodePipeline has Get* and
 * List*; CodeBuild's BatchGetBuilds and CloudWatch Logs' FilterLogEvents are reads too). Anything else
 * mutates and gets AccessDeniedException.
 */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Get|List|BatchGet|Describe|Filter)[A-Z]/.test(operation);
}

/**
 * IAM action patterns a principal lacks, as an identity policy names actions: `logs:GetLogEvents`,
 * `logs:*`, `codebuild:BatchGet*`. Case-insensitive like IAM; `*` matches any run of characters, `?`
 * one. This is how a principal that reads pipelines but not builds or logs is configured.
 */
export function isDenied(deny: readonly string[] | undefined, action: string): boolean {
  return (deny ?? []).some((pattern) => actionPattern(pattern).test(action));
}

const patterns = new Map<string, RegExp>();
function actionPattern(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    patterns.set(pattern, (regex = new RegExp(`^${body}$`, "i")));
  }
  return regex;
}

/** A pattern as `isDenied` takes it: `service:Action`, with `*` and `?` allowed. */
export const isActionPattern = (value: unknown): value is string => typeof value === "string" && /^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(value);
