import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from "@aws-sdk/client-sts";
import { CreatePipelineCommand, ListPipelinesCommand, StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID } from "../src/scenario/accounts";
import { startEmulator, type StartedEmulator } from "./helpers";
import { simple } from "./fixtures";

let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator()));
afterAll(() => emu.close());

const OPERATOR_ROLE = `arn:aws:iam::${SECOND_ACCOUNT_ID}:role/CodePipelineDashboardOperator`;
const READ_ONLY_ROLE = `arn:aws:iam::${SECOND_ACCOUNT_ID}:role/CodePipelineDashboardReadOnly`;

function sts(config: Partial<STSClientConfig> = {}) {
  return new STSClient({ region: "us-east-1", endpoint: emu.url, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1, ...config });
}

async function assume(roleArn: string, config: Partial<STSClientConfig> = {}) {
  const { Credentials } = await sts(config).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "dashboard" }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
}

describe("STS AssumeRole (Query protocol, XML answers)", () => {
  it("hands out credentials of the role's account, used by the real SDK against that account's pipelines", async () => {
    const result = await sts().send(new AssumeRoleCommand({ RoleArn: OPERATOR_ROLE, RoleSessionName: "dashboard", DurationSeconds: 900 }));
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${SECOND_ACCOUNT_ID}:assumed-role/CodePipelineDashboardOperator/dashboard`);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const lifetime = result.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(800_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);

    const prod = emu.client({ credentials: await assume(OPERATOR_ROLE) });
    await prod.send(new CreatePipelineCommand({ pipeline: simple("prod-only") }));
    // The pipeline lives in the second account: the default account does not see it.
    expect((await prod.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual(["prod-only"]);
    expect((await emu.client().send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).not.toContain("prod-only");
  });

  it("works through the SDK's own temporary-credentials provider", async () => {
    const client = emu.client({
      credentials: fromTemporaryCredentials({
        params: { RoleArn: OPERATOR_ROLE, RoleSessionName: "provider" },
        masterCredentials: { accessKeyId: "test", secretAccessKey: "test" },
        clientConfig: { region: "us-east-1", endpoint: emu.url },
      }),
    });
    expect((await client.send(new ListPipelinesCommand({}))).pipelines).toBeDefined();
  });

  it("says who the caller is", async () => {
    expect(await sts().send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: DEFAULT_ACCOUNT_ID, Arn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root` });
    const assumed = await sts({ credentials: await assume(READ_ONLY_ROLE) }).send(new GetCallerIdentityCommand({}));
    expect(assumed.Account).toBe(SECOND_ACCOUNT_ID);
    expect(assumed.Arn).toContain(":assumed-role/CodePipelineDashboardReadOnly/dashboard");
  });

  it("a read-only role can read but not act", async () => {
    const client = emu.client({ credentials: await assume(READ_ONLY_ROLE) });
    await expect(client.send(new ListPipelinesCommand({}))).resolves.toBeDefined();
    await expect(client.send(new StartPipelineExecutionCommand({ name: "prod-only" }))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });

  it("refuses roles that do not exist or do not trust the caller, with AccessDenied", async () => {
    const missing = await sts().send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${SECOND_ACCOUNT_ID}:role/Nope`, RoleSessionName: "x1" })).catch((e) => e);
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(["AccessDenied", 403]);
    expect(missing.message).toBe(`User: arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${SECOND_ACCOUNT_ID}:role/Nope`);
    // The second account's principals are not trusted by the default account's roles.
    const prod = await assume(OPERATOR_ROLE);
    const untrusted = await sts({ credentials: prod })
      .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/CodePipelineDashboardReadOnly`, RoleSessionName: "x2" }))
      .catch((e) => e);
    expect(untrusted.name).toBe("AccessDenied");
  });

  it("answers bad input and bad signatures with STS's error codes", async () => {
    const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { name: string }) => e.name);
    expect(await codeOf(sts().send(new AssumeRoleCommand({ RoleArn: "not-an-arn", RoleSessionName: "ok-name" })))).toBe("ValidationError");
    expect(await codeOf(sts().send(new AssumeRoleCommand({ RoleArn: OPERATOR_ROLE, RoleSessionName: "a b" })))).toBe("ValidationError");
    expect(await codeOf(sts().send(new AssumeRoleCommand({ RoleArn: OPERATOR_ROLE, RoleSessionName: "ok", DurationSeconds: 7200 })))).toBe("ValidationError");
    expect(await codeOf(sts({ credentials: { accessKeyId: "AKIANOBODY", secretAccessKey: "x" } }).send(new GetCallerIdentityCommand({})))).toBe("InvalidClientTokenId");
    expect(await codeOf(sts({ credentials: { accessKeyId: "test", secretAccessKey: "wrong" } }).send(new GetCallerIdentityCommand({})))).toBe("SignatureDoesNotMatch");
    const skewed = await sts({ systemClockOffset: -10 * 60_000 }).send(new GetCallerIdentityCommand({})).catch((e) => e);
    expect([skewed.name, skewed.$metadata.httpStatusCode]).toEqual(["SignatureDoesNotMatch", 403]);
    expect(skewed.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    // Signed for another service's scope.
    const wrongService = await sts({ signingName: "codepipeline" } as Partial<STSClientConfig>).send(new GetCallerIdentityCommand({})).catch((e) => e);
    expect([wrongService.name, wrongService.message]).toEqual(["SignatureDoesNotMatch", "Credential should be scoped to correct service: 'sts'. "]);
  });

  it("expires assumed-role credentials with the emulator's credential lifetime", async () => {
    emu.emulator.keys.lifetimeSeconds = 1;
    try {
      const short = await sts().send(new AssumeRoleCommand({ RoleArn: OPERATOR_ROLE, RoleSessionName: "short" }));
      expect(short.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(1000);
    } finally {
      emu.emulator.keys.lifetimeSeconds = 3600;
    }
  });
});
