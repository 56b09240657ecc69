import { Match } from "aws-cdk-lib/assertions";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema";
import { createEmulatorCore } from "../../emulator/src/engine/core";
import { startExecution } from "../../emulator/src/engine/lifecycle";
import type { CodePipelineEvent } from "../../emulator/src/engine/state-events";
import { trimEvent } from "../../emulator/src/appsync/rule";
import { ACCOUNT, deployedConfig, FAKE, REGION, roles, synth } from "./test-support";

const sources = [{ id: "prod", label: "Prod", account: "222222222222", region: "us-east-1", access: "operator" }];
const live = synth({ liveUpdates: "true", sources: JSON.stringify(sources), safetyIntervalSeconds: "90" });
const plain = synth({ sources: JSON.stringify(sources) });
const resourcesOf = (template: typeof live.template, type: string) => Object.values(template.findResources(type));

/** What EventBridge's input transformer makes of an event: each <name> replaced by its path's value, raw inside quotes. */
function transform(transformer: { InputPathsMap: Record<string, string>; InputTemplate: string }, event: unknown): unknown {
  const at = (path: string) => path.slice(2).split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], event);
  return JSON.parse(transformer.InputTemplate.replace(/<([\w-]+)>/g, (_, name: string) => String(at(transformer.InputPathsMap[name]) ?? "")));
}

describe("live updates (opt-in)", () => {
  it("are off by default: no Event API, no rule, nothing in config.json", () => {
    expect(resourcesOf(plain.template, "AWS::AppSync::Api")).toEqual([]);
    expect(resourcesOf(plain.template, "AWS::Events::Rule")).toEqual([]);
    expect(deployedConfig(plain.app, plain.template).events).toBeUndefined();
    expect(plain.memberTemplates.every(({ template }) => resourcesOf(template, "AWS::Events::Rule").length === 0)).toBe(true);
  });

  it("an Event API that takes IAM for connecting and subscribing and only its API key for publishing, with one namespace", () => {
    live.template.hasResourceProperties("AWS::AppSync::Api", {
      EventConfig: {
        AuthProviders: Match.arrayWith([{ AuthType: "AWS_IAM" }, { AuthType: "API_KEY" }]),
        ConnectionAuthModes: [{ AuthType: "AWS_IAM" }],
        DefaultSubscribeAuthModes: [{ AuthType: "AWS_IAM" }],
        DefaultPublishAuthModes: [{ AuthType: "API_KEY" }],
      },
    });
    live.template.hasResourceProperties("AWS::AppSync::ChannelNamespace", { Name: "codepipeline" });
    live.template.resourceCountIs("AWS::AppSync::ApiKey", 1);
  });

  it("a rule on CodePipeline's three state-change events to an API destination with a dead-letter queue and retries", () => {
    live.template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.codepipeline"],
        "detail-type": ["CodePipeline Pipeline Execution State Change", "CodePipeline Stage Execution State Change", "CodePipeline Action Execution State Change"],
      },
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 300 } })],
    });
    live.template.hasResourceProperties("AWS::Events::ApiDestination", { HttpMethod: "POST", InvocationEndpoint: { "Fn::Join": ["", ["https://", Match.anyValue(), "/event"]] } });
    live.template.hasResourceProperties("AWS::Events::Connection", { AuthorizationType: "API_KEY", AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: "x-api-key" } } });
    live.template.resourceCountIs("AWS::SQS::Queue", 1);
  });

  it("publishes what the emulator's rule publishes: the same channel and the same trimmed event, for every kind of event", () => {
    const rule = resourcesOf(live.template, "AWS::Events::Rule")[0] as { Properties: { Targets: { InputTransformer: { InputPathsMap: Record<string, string>; InputTemplate: string } }[] } };
    const transformer = rule.Properties.Targets[0].InputTransformer;
    const core = createEmulatorCore({ clock: "manual" });
    core.loadScenario({
      pipelines: [
        {
          declaration: {
            name: "web.app_v2",
            roleArn: "arn:aws:iam::123456789012:role/x",
            artifactStore: { type: "S3", location: "b" },
            stages: [
              { name: "Source", actions: [{ name: "Source", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" }, configuration: { S3Bucket: "b", S3ObjectKey: "k" }, outputArtifacts: [{ name: "Out" }] }] },
              { name: "Approve", actions: [{ name: "Approve", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" } }] },
            ],
          },
        },
      ],
    });
    const events: CodePipelineEvent[] = [];
    core.onStateEvent((event) => events.push(event));
    const p = core.engine.world.regions["123456789012/us-east-1"].pipelines["web.app_v2"];
    startExecution(core.engine, p, { trigger: { triggerType: "StartPipelineExecution", triggerDetail: "test" } });
    core.engine.settle();
    core.advance(600_000);
    expect(new Set(events.map((e) => e["detail-type"])).size).toBe(3);
    for (const event of events) {
      const body = transform(transformer, event) as { channel: string; events: string[] };
      const expected = trimEvent(event);
      expect(body.channel).toBe(expected.channel);
      expect(body.events).toHaveLength(1);
      expect(JSON.parse(body.events[0])).toEqual(expected.payload);
    }
  });

  it("lets the read-only and operator roles connect and subscribe, and nobody publish", () => {
    for (const name of ["CodePipelineDashboard-ReadOnly", "CodePipelineDashboard-Operator"]) {
      const role = roles(live.template).find((r) => r.name === name)!;
      const actions = role.policy.Statement.flatMap((s) => [s.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(["appsync:EventConnect", "appsync:EventSubscribe"]));
      expect(actions.some((action) => /EventPublish|appsync:\*/.test(String(action)))).toBe(false);
    }
  });

  it("config.json names the Event API's endpoints, the account and the safety interval, and the CSP lets the page reach AppSync of the region", () => {
    const config = deployedConfig(live.app, live.template);
    expect(config.events).toEqual({
      httpEndpoint: `https://${FAKE.eventApiId}.appsync-api.${REGION}.amazonaws.com/event`,
      realtimeEndpoint: `wss://${FAKE.eventApiId}.appsync-realtime-api.${REGION}.amazonaws.com/event/realtime`,
      accountId: ACCOUNT,
      safetyIntervalSeconds: 90,
    });
    expect(v.safeParse(configSchema, config).issues).toBeUndefined();
    const csp = JSON.stringify(live.template.findResources("AWS::CloudFront::ResponseHeadersPolicy"));
    expect(csp).toContain(`https://*.appsync-api.${REGION}.amazonaws.com`);
    expect(csp).toContain(`wss://*.appsync-realtime-api.${REGION}.amazonaws.com`);
  });

  it("member accounts forward their CodePipeline events to the dashboard account's bus, which takes them from those accounts only", () => {
    for (const { template } of live.memberTemplates) {
      template.hasResourceProperties("AWS::Events::Rule", {
        EventPattern: { source: ["aws.codepipeline"] },
        Targets: [Match.objectLike({ Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default` })],
      });
    }
    live.template.hasResourceProperties("AWS::Events::EventBusPolicy", {
      Statement: { Principal: { AWS: { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":iam::222222222222:root"]] } }, Action: "events:PutEvents" },
    });
  });
});
