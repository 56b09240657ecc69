import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { eventsChannel } from "./events";
import { configSchema } from "./schema";
import { resolveSources } from "./sources";

describe("eventsChannel", () => {
  it("is the source's account and region: an assumed role's account, else the top level's accountId", () => {
    const config = v.parse(configSchema, {
      region: "us-east-1",
      credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001" },
      events: { httpEndpoint: "https://a.appsync-api.us-east-1.amazonaws.com/event", realtimeEndpoint: "wss://a.appsync-realtime-api.us-east-1.amazonaws.com/event/realtime", accountId: "123456789012" },
      sources: [
        { id: "eu", label: "Dev", region: "eu-west-1", credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001" } },
        { id: "prod", label: "Prod", region: "us-east-1", credentials: { type: "assumeRole", roleArn: "arn:aws:iam::210987654321:role/Reader" } },
        { id: "other", label: "Other", region: "us-west-2", credentials: { type: "assumeRole", roleArn: "arn:aws:iam::333333333333:role/Reader" } },
      ],
    });
    expect(resolveSources(config).map((source) => eventsChannel(config.events!, source))).toEqual([
      "/codepipeline/123456789012/us-east-1",
      "/codepipeline/123456789012/eu-west-1",
      "/codepipeline/210987654321/us-east-1",
      "/codepipeline/333333333333/us-west-2",
    ]);
  });
});
