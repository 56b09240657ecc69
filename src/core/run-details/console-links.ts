/**
 * Links into the AWS console for what the details view shows. Every part is URL-encoded; the UI still passes
 * the result through safeHref like any other link.
 */

/** The S3 console's page of one object (an input or output artifact). */
export function s3ObjectConsoleUrl(region: string, bucket: string, key: string): string {
  const query = new URLSearchParams({ region, bucketType: "general", prefix: key, showversions: "false" });
  return `https://${region}.console.aws.amazon.com/s3/object/${encodeURIComponent(bucket)}?${query}`;
}

/**
 * The CloudWatch console's page of one log stream. Its fragment encodes names twice over: each part URL-encoded,
 * then `%` written as `$25` (what the console itself produces in its links).
 */
export function logStreamConsoleUrl(region: string, group: string, stream: string): string {
  const part = (text: string) => encodeURIComponent(encodeURIComponent(text)).replace(/%/g, "$");
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${encodeURIComponent(region)}#logsV2:log-groups/log-group/${part(group)}/log-events/${part(stream)}`;
}

export interface LogStreamRef {
  region: string;
  account: string;
  group: string;
  stream: string;
}

/** `arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:log-stream:STREAM` (an action's `logStreamARN`, a build's log). */
export function parseLogStreamArn(arn: string | undefined): LogStreamRef | undefined {
  const match = arn ? /^arn:[\w-]+:logs:([\w-]+):(\d{12}):log-group:(.+?):log-stream:(.+)$/.exec(arn) : null;
  return match ? { region: match[1], account: match[2], group: match[3], stream: match[4] } : undefined;
}

/** The account of an ARN (`arn:aws:iam::123456789012:role/x`), if it has one. */
export function arnAccount(arn: string | undefined): string | undefined {
  return arn?.split(":")[4] || undefined;
}
