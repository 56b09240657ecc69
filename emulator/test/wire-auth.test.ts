import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetPipelineStateCommand, ListPipelinesCommand, StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { OPERATOR_POOL_ID, READ_ONLY_POOL_ID, TEST_LOGIN_PROVIDER } from "../src/cognito/pools";
import { startEmulator, type StartedEmulator } from "./helpers";

let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator()));
afterAll(() => emu.close());

/** Past auth, GetPipelineState of a pipeline that is not there answers PipelineNotFound; auth errors are something else. */
const PAST_AUTH = "PipelineNotFoundException";

const nameOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { name: string }) => e.name);

function cognitoClient() {
  return new CognitoIdentityClient({ region: "us-east-1", endpoint: emu.url, maxAttempts: 1 });
}

function poolCredentials(poolId: string, logins?: Record<string, string>) {
  return fromCognitoIdentityPool({ identityPoolId: poolId, logins, clientConfig: { region: "us-east-1", endpoint: emu.url, maxAttempts: 1 } });
}

describe("SigV4", () => {
  it("accepts test/test and rejects unknown keys and wrong secrets", async () => {
    expect(await nameOf(emu.client().send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
    const unknown = await emu
      .client({ credentials: { accessKeyId: "AKIANOBODY", secretAccessKey: "x" } })
      .send(new ListPipelinesCommand({}))
      .catch((e) => e);
    expect([unknown.name, unknown.message, unknown.$metadata.httpStatusCode]).toEqual([
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
      400,
    ]);
    const badSecret = await emu
      .client({ credentials: { accessKeyId: "test", secretAccessKey: "not-test" } })
      .send(new ListPipelinesCommand({}))
      .catch((e) => e);
    expect(badSecret.name).toBe("InvalidSignatureException");
    expect(badSecret.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
  });

  it("rejects a request whose body was changed after signing", async () => {
    const signer = new SignatureV4({ service: "codepipeline", region: "us-east-1", sha256: Sha256, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: emu.port,
      path: "/",
      query: {},
      headers: { host: `127.0.0.1:${emu.port}`, "content-type": "application/x-amz-json-1.1", "x-amz-target": "CodePipeline_20150709.StopPipelineExecution" },
      body: '{"pipelineName":"a","pipelineExecutionId":"00000000-0000-4000-8000-000000000000"}',
    });
    const response = await fetch(`${emu.url}/`, {
      method: "POST",
      headers: signed.headers,
      body: '{"pipelineName":"b","pipelineExecutionId":"00000000-0000-4000-8000-000000000000"}',
    });
    expect(((await response.json()) as { __type: string }).__type).toBe("InvalidSignatureException");
  });

  it("refuses unsigned calls with MissingAuthenticationTokenException", async () => {
    const response = await fetch(`${emu.url}/`, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "CodePipeline_20150709.ListPipelines" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe("MissingAuthenticationTokenException");
  });

  it("lets the read-only key read but not mutate", async () => {
    const client = emu.client({ credentials: { accessKeyId: "readonly", secretAccessKey: "readonly" } });
    expect(await nameOf(client.send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
    const denied = await client.send(new StartPipelineExecutionCommand({ name: "release" })).catch((e) => e);
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/CodePipelineDashboardReadOnly/readonly is not authorized to perform: codepipeline:StartPipelineExecution on resource: arn:aws:codepipeline:us-east-1:123456789012:release",
    );
  });

  it("takes the region from the credential scope", async () => {
    const denied = await emu
      .client({ region: "eu-west-1", credentials: { accessKeyId: "readonly", secretAccessKey: "readonly" } })
      .send(new StartPipelineExecutionCommand({ name: "release" }))
      .catch((e) => e);
    expect(denied.message).toContain("arn:aws:codepipeline:eu-west-1:123456789012:release");
  });
});

describe("SigV4 dates and credential scopes, as strict as AWS's", () => {
  const AMZ = /\d{8}T\d{6}Z/;
  const amz = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => e);

  it("refuses SDK requests signed more than 5 minutes in the past or the future, in AWS's words", async () => {
    const behind = await errorOf(emu.client({ systemClockOffset: -10 * 60_000 }).send(new ListPipelinesCommand({})));
    expect([behind?.name, behind?.$metadata.httpStatusCode]).toEqual(["InvalidSignatureException", 400]);
    const [, signed, earliest, now] = /^Signature expired: (\S+) is now earlier than (\S+) \((\S+) - 5 min\.\)$/.exec(behind!.message)!;
    for (const t of [signed, earliest, now]) expect(t).toMatch(AMZ);
    // Judged against the real wall clock (the emulator's own clock here is manual).
    expect(Math.abs(Date.parse(now.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, "$1-$2-$3T$4:$5:$6Z")) - Date.now())).toBeLessThan(5_000);

    const ahead = await errorOf(emu.client({ systemClockOffset: 60 * 60_000 }).send(new ListPipelinesCommand({})));
    expect(ahead?.name).toBe("InvalidSignatureException");
    expect(ahead?.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/);

    // Within the window all is well.
    expect(await nameOf(emu.client({ systemClockOffset: -4 * 60_000 }).send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
  });

  it("lets the SDK correct its clock from the answer's Date header and retry, as with AWS", async () => {
    const client = emu.client({ systemClockOffset: -60 * 60_000, maxAttempts: 3 });
    expect(await nameOf(client.send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
    expect(Math.abs(client.config.systemClockOffset ?? 0)).toBeLessThan(5_000);
  });

  it("takes real time as AWS's clock, and the simulated clock's time too (tests that fake the browser's clock follow it)", async () => {
    const past = await startEmulator({ startTime: new Date("2001-01-01T00:00:00Z") });
    try {
      await past.control.advance(3600);
      expect(await nameOf(past.client().send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
      const signedAt = (signingDate: Date) => past.signedFetch("CodePipeline_20150709.ListPipelines", "{}", { signingDate }).then((r) => r.status);
      expect(await signedAt(new Date("2001-01-01T01:02:00Z"))).toBe(200);
      expect(await signedAt(new Date("2001-01-01T02:00:00Z"))).toBe(400);
    } finally {
      await past.close();
    }
  });

  it("refuses raw requests dated 2001, an hour ahead, or scoped to another service or an invalid region", async () => {
    const call = (options: Parameters<StartedEmulator["signedFetch"]>[2]) =>
      emu.signedFetch("CodePipeline_20150709.ListPipelines", "{}", options).then(async (r) => [r.status, await r.json()] as const);
    expect(await call({ signingDate: new Date("2001-09-09T01:46:40Z") })).toEqual([
      400,
      { __type: "InvalidSignatureException", message: expect.stringMatching(/^Signature expired: 20010909T014640Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/) },
    ]);
    const hourAhead = Date.now() + 3600_000;
    const [, ahead] = await call({ signingDate: new Date(hourAhead) });
    expect((ahead as { message: string }).message).toMatch(new RegExp(`^Signature not yet current: ${amz(Math.floor(hourAhead / 1000) * 1000)} is still later than`));
    expect(await call({ service: "s3" })).toEqual([400, { __type: "InvalidSignatureException", message: "Credential should be scoped to correct service: 'codepipeline'. " }]);
    expect(await call({ region: "moon" })).toEqual([400, { __type: "InvalidSignatureException", message: "Credential should be scoped to a valid region, not 'moon'. " }]);
    expect((await call({ region: "ap-southeast-4" }))[0]).toBe(200);
  });
});

describe("Cognito Identity", () => {
  it("issues unauthenticated credentials that CodePipeline accepts", async () => {
    const client = emu.client({ credentials: poolCredentials(OPERATOR_POOL_ID) });
    expect(await nameOf(client.send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
    const credentials = await poolCredentials(OPERATOR_POOL_ID)();
    expect(credentials.accessKeyId).toMatch(/^ASIA[0-9A-Z]{16}$/);
    expect(credentials.sessionToken).toBeTruthy();
    expect(credentials.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const inAnHour = Date.now() + 3600_000;
    expect(Math.abs(credentials.expiration!.getTime() - inAnHour)).toBeLessThan(10_000);
  });

  it("gives read-only pool identities AccessDenied on mutating calls", async () => {
    const client = emu.client({ credentials: poolCredentials(READ_ONLY_POOL_ID) });
    expect(await nameOf(client.send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
    const denied = await client.send(new StartPipelineExecutionCommand({ name: "release" })).catch((e) => e);
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toMatch(/assumed-role\/CodePipelineDashboardReadOnly\/CognitoIdentityCredentials is not authorized/);
  });

  it("keeps one identity per login subject and names the subject in the caller ARN", async () => {
    const token = await emu.emulator.login.mintIdToken({ sub: "alice", email: "alice@example.com", exp: Math.floor(Date.now() / 1000) + 600 });
    const cognito = cognitoClient();
    const first = await cognito.send(new GetIdCommand({ IdentityPoolId: READ_ONLY_POOL_ID, Logins: { [TEST_LOGIN_PROVIDER]: token } }));
    const second = await cognito.send(new GetIdCommand({ IdentityPoolId: READ_ONLY_POOL_ID, Logins: { [TEST_LOGIN_PROVIDER]: token } }));
    expect(second.IdentityId).toBe(first.IdentityId);
    const client = emu.client({ credentials: poolCredentials(READ_ONLY_POOL_ID, { [TEST_LOGIN_PROVIDER]: token }) });
    const denied = await client.send(new StartPipelineExecutionCommand({ name: "release" })).catch((e) => e);
    expect(denied.message).toContain("assumed-role/CodePipelineDashboardReadOnly/alice is not authorized");
    cognito.destroy();
  });

  it("refuses bad, unsigned, tampered and expired login tokens with NotAuthorizedException", async () => {
    const cognito = cognitoClient();
    const expired = await emu.emulator.login.mintIdToken({ sub: "bob", exp: Math.floor(Date.now() / 1000) - 1 });
    const good = await emu.emulator.login.mintIdToken({ sub: "bob" });
    const [header, payload, signature] = good.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, sub: "mallory" })).toString("base64url"), signature].join(".");
    const unsigned = [Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url"), payload, ""].join(".");
    for (const token of ["garbage", expired, tampered, unsigned]) {
      const error = await cognito
        .send(new GetIdCommand({ IdentityPoolId: OPERATOR_POOL_ID, Logins: { [TEST_LOGIN_PROVIDER]: token } }))
        .catch((e) => e);
      expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(["NotAuthorizedException", 400, expect.stringMatching(/^Invalid login token\. /)]);
    }
    cognito.destroy();
  });

  it("refuses an authenticated identity asked for without its login", async () => {
    const cognito = cognitoClient();
    const token = await emu.emulator.login.mintIdToken({ sub: "carol" });
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: OPERATOR_POOL_ID, Logins: { [TEST_LOGIN_PROVIDER]: token } }));
    const error = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId })).catch((e) => e);
    expect(error.name).toBe("NotAuthorizedException");
    cognito.destroy();
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    const error = await poolCredentials("us-east-1:00000000-0000-4000-8000-00000000dead")().catch((e) => e);
    expect(error.name).toBe("ResourceNotFoundException");
  });

  it("writes the credential expiration as epoch seconds", async () => {
    const post = (target: string, body: unknown) =>
      fetch(`${emu.url}/`, {
        method: "POST",
        headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSCognitoIdentityService.${target}` },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const { IdentityId } = await post("GetId", { IdentityPoolId: OPERATOR_POOL_ID });
    const { Credentials } = (await post("GetCredentialsForIdentity", { IdentityId })) as { Credentials: { Expiration: unknown } };
    expect(typeof Credentials.Expiration).toBe("number");
    expect(Math.abs((Credentials.Expiration as number) - (Date.now() / 1000 + 3600))).toBeLessThan(10);
  });

  it("refuses expired sessions with ExpiredTokenException (revokeAll), and a fresh provider recovers", async () => {
    const credentials = await poolCredentials(OPERATOR_POOL_ID)();
    const client = emu.client({ credentials });
    expect(await nameOf(client.send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
    const revoked = await fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify({ revokeAll: true }) });
    expect(((await revoked.json()) as { revoked: number }).revoked).toBeGreaterThan(0);
    const expired = await client.send(new GetPipelineStateCommand({ name: "p" })).catch((e) => e);
    expect([expired.name, expired.message]).toEqual(["ExpiredTokenException", "The security token included in the request is expired"]);
    const fresh = emu.client({ credentials: poolCredentials(OPERATOR_POOL_ID) });
    expect(await nameOf(fresh.send(new GetPipelineStateCommand({ name: "p" })))).toBe(PAST_AUTH);
  });

  it("issues credentials with the configured lifetime", async () => {
    await fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify({ lifetimeSeconds: 1 }) });
    const credentials = await poolCredentials(OPERATOR_POOL_ID)();
    expect(credentials.expiration!.getTime() - Date.now()).toBeLessThanOrEqual(1000);
    await fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify({ lifetimeSeconds: 3600 }) });
  });
});
