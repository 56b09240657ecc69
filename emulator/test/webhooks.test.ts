import { createHmac } from "node:crypto";
import {
  DeleteWebhookCommand,
  DeregisterWebhookWithThirdPartyCommand,
  ListPipelineExecutionsCommand,
  ListTagsForResourceCommand,
  ListWebhooksCommand,
  paginateListWebhooks,
  PutWebhookCommand,
  RegisterWebhookWithThirdPartyCommand,
  TagResourceCommand,
  type WebhookDefinition,
} from "@aws-sdk/client-codepipeline";
import { beforeEach, describe, expect, it } from "vitest";
import { build, expectError, pipeline, source, stage, emulatorSuite } from "./fixtures";

const suite = emulatorSuite();
const SECRET = "s3cr3t-token";
const ARN = "arn:aws:codepipeline:us-east-1:123456789012:webhook:web-push";

const definition = (extra: Partial<WebhookDefinition> = {}): WebhookDefinition => ({
  name: "web-push",
  targetPipeline: "web",
  targetAction: "Source",
  filters: [{ jsonPath: "$.ref", matchEquals: "refs/heads/{BranchName}" }],
  authentication: "GITHUB_HMAC",
  authenticationConfiguration: { SecretToken: SECRET },
  ...extra,
});

const put = (webhook: WebhookDefinition = definition(), tags?: { key: string; value: string }[]) =>
  suite.client.send(new PutWebhookCommand({ webhook, tags }));

/** What GitHub does on a push: POST the payload to the webhook's URL, signed with the secret. */
async function push(payload: unknown, options: { secret?: string; name?: string; query?: string } = {}) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", options.secret ?? SECRET).update(body).digest("hex")}`;
  const response = await fetch(`${suite.emu.url}/_emulator/webhooks/${options.name ?? "web-push"}${options.query ?? ""}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature },
    body,
  });
  return { status: response.status, json: (await response.json()) as { started?: boolean; pipelineExecutionId?: string; reason?: string; error?: string } };
}

const executions = async () => (await suite.client.send(new ListPipelineExecutionsCommand({ pipelineName: "web" }))).pipelineExecutionSummaries ?? [];

beforeEach(() => suite.d.load(pipeline("web", [stage("Source", source()), stage("Build", build())])));

describe("PutWebhook and ListWebhooks", () => {
  it("defines a webhook with a URL and ARN, redacts the secret, and lists with NextToken/MaxResults", async () => {
    const { webhook } = await put(definition(), [{ key: "team", value: "web" }]);
    expect(webhook).toMatchObject({
      arn: ARN,
      url: expect.stringMatching(/^https:\/\/us-east-1\.webhooks\.aws\/trigger\?t=[0-9a-f]{64}&v=1$/),
      definition: { name: "web-push", targetPipeline: "web", authentication: "GITHUB_HMAC", authenticationConfiguration: { SecretToken: "****" } },
      tags: [{ key: "team", value: "web" }],
    });
    expect(webhook).not.toHaveProperty("lastTriggered");
    // Putting it again redefines it and keeps its URL.
    const again = await put(definition({ filters: [] }));
    expect(again.webhook?.url).toBe(webhook?.url);
    expect(again.webhook?.definition?.filters).toEqual([]);

    await put(definition({ name: "web-tag", filters: [{ jsonPath: "$.ref_type", matchEquals: "tag" }] }));
    const first = await suite.client.send(new ListWebhooksCommand({ MaxResults: 1 }));
    expect(first.webhooks?.map((w) => w.definition?.name)).toEqual(["web-push"]);
    expect(first.NextToken).toBeTruthy();
    const names: string[] = [];
    for await (const page of paginateListWebhooks({ client: suite.client, pageSize: 1 }, {})) names.push(...(page.webhooks ?? []).map((w) => w.definition!.name!));
    expect(names).toEqual(["web-push", "web-tag"]);

    await suite.client.send(new TagResourceCommand({ resourceArn: ARN, tags: [{ key: "env", value: "prod" }] }));
    expect((await suite.client.send(new ListTagsForResourceCommand({ resourceArn: ARN }))).tags).toEqual([
      { key: "team", value: "web" },
      { key: "env", value: "prod" },
    ]);
  });

  it("refuses a missing pipeline, a non-source action, a bad JsonPath and incomplete authentication", async () => {
    await expectError(put(definition({ targetPipeline: "nope" })), "PipelineNotFoundException");
    await expectError(put(definition({ targetAction: "Build" })), "ValidationException", /not an action of the source \(first\) stage/);
    await expectError(put(definition({ filters: [{ jsonPath: "$..[" }] })), "InvalidWebhookFilterPatternException", /\$\.\.\[/);
    await expectError(put(definition({ authenticationConfiguration: {} })), "InvalidWebhookAuthenticationParametersException", /SecretToken/);
    await expectError(put(definition({ authentication: "IP", authenticationConfiguration: { AllowedIPRange: "10.0.0.0/40" } })), "InvalidWebhookAuthenticationParametersException", /CIDR/);
    expect((await suite.client.send(new ListWebhooksCommand({}))).webhooks).toEqual([]);
  });
});

describe("a webhook call", () => {
  it("starts the pipeline with trigger Webhook and the webhook's ARN when signature and filters pass", async () => {
    await put();
    const before = (await executions()).length;
    const started = await push({ ref: "refs/heads/main", after: "0123abc" });
    expect(started).toEqual({ status: 200, json: { started: true, pipelineExecutionId: expect.any(String) } });
    const [latest] = await executions();
    expect(latest.pipelineExecutionId).toBe(started.json.pipelineExecutionId);
    expect(latest.trigger).toEqual({ triggerType: "Webhook", triggerDetail: ARN });
    expect((await executions()).length).toBe(before + 1);
    const [listed] = (await suite.client.send(new ListWebhooksCommand({}))).webhooks!;
    expect(listed.lastTriggered).toEqual(suite.emu.core.clock.now());
  });

  it("ignores a payload its filters do not match, and refuses a bad signature with 401", async () => {
    await put();
    const before = (await executions()).length;
    expect(await push({ ref: "refs/heads/feature" })).toEqual({ status: 200, json: { started: false, reason: expect.stringContaining("refs/heads/main") } });
    const forged = await push({ ref: "refs/heads/main" }, { secret: "guessed" });
    expect(forged.status).toBe(401);
    expect(forged.json.error).toMatch(/X-Hub-Signature-256/);
    expect((await executions()).length).toBe(before);
  });

  it("checks the caller's address for IP webhooks and takes any caller for unauthenticated ones", async () => {
    await put(definition({ name: "from-loopback", authentication: "IP", authenticationConfiguration: { AllowedIPRange: "127.0.0.0/8" }, filters: [] }));
    await put(definition({ name: "from-office", authentication: "IP", authenticationConfiguration: { AllowedIPRange: "192.0.2.0/24" }, filters: [] }));
    await put(definition({ name: "anyone", authentication: "UNAUTHENTICATED", authenticationConfiguration: {}, filters: [] }));
    expect((await push({}, { name: "from-loopback" })).json.started).toBe(true);
    expect((await push({}, { name: "from-office" })).status).toBe(401);
    expect((await push({}, { name: "anyone", secret: "whatever" })).json.started).toBe(true);
  });

  it("answers 404 for a webhook that does not exist (in that account and region)", async () => {
    await put();
    expect((await push({ ref: "refs/heads/main" }, { name: "other" })).status).toBe(404);
    expect((await push({ ref: "refs/heads/main" }, { query: "?region=eu-west-1" })).status).toBe(404);
  });
});

describe("Register/DeregisterWebhookWithThirdParty and DeleteWebhook", () => {
  it("register and deregister an existing webhook, refuse an unknown one, and delete (twice, quietly)", async () => {
    await put();
    await suite.client.send(new RegisterWebhookWithThirdPartyCommand({ webhookName: "web-push" }));
    await suite.client.send(new DeregisterWebhookWithThirdPartyCommand({ webhookName: "web-push" }));
    await expectError(suite.client.send(new RegisterWebhookWithThirdPartyCommand({ webhookName: "nope" })), "WebhookNotFoundException");
    await expectError(suite.client.send(new DeregisterWebhookWithThirdPartyCommand({ webhookName: "nope" })), "WebhookNotFoundException");
    await suite.client.send(new DeleteWebhookCommand({ name: "web-push" }));
    await suite.client.send(new DeleteWebhookCommand({ name: "web-push" }));
    expect((await suite.client.send(new ListWebhooksCommand({}))).webhooks).toEqual([]);
    expect((await push({ ref: "refs/heads/main" })).status).toBe(404);
  });
});
