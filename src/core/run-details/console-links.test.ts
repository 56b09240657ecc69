import { describe, expect, it } from "vitest";
import { arnAccount, logStreamConsoleUrl, parseLogStreamArn, s3ObjectConsoleUrl } from "./console-links";

describe("console links", () => {
  it("links an S3 object, its key encoded", () => {
    expect(s3ObjectConsoleUrl("eu-west-1", "codepipeline-eu-west-1-1234", "web/SourceOutp/a b&c.zip")).toBe(
      "https://eu-west-1.console.aws.amazon.com/s3/object/codepipeline-eu-west-1-1234?region=eu-west-1&bucketType=general&prefix=web%2FSourceOutp%2Fa+b%26c.zip&showversions=false",
    );
  });
  it("links a log stream the way the CloudWatch console encodes it", () => {
    expect(logStreamConsoleUrl("us-east-1", "/aws/codebuild/web", "abc/def")).toBe(
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fweb/log-events/abc$252Fdef",
    );
  });
  it("reads a log stream ARN, and nothing else", () => {
    expect(parseLogStreamArn("arn:aws:logs:us-east-1:123456789012:log-group:/aws/codepipeline/web:log-stream:Build/Run/abc")).toEqual({
      region: "us-east-1",
      account: "123456789012",
      group: "/aws/codepipeline/web",
      stream: "Build/Run/abc",
    });
    expect(parseLogStreamArn("arn:aws:logs:us-east-1:123456789012:log-group:/aws/x")).toBeUndefined();
    expect(parseLogStreamArn("javascript:alert(1)")).toBeUndefined();
    expect(arnAccount("arn:aws:iam::210987654321:role/deploy")).toBe("210987654321");
  });
});
