import { ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import * as v from "valibot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type StartedEmulator } from "../../../emulator/test/helpers";
import { configSchema } from "../../config/schema";
import { createSources, type Source } from "./source";

/**
 * Sources against the emulator in-process, the way the browser reaches AWS: Dev through the Cognito identity
 * pool, Prod through STS AssumeRole with Dev's credentials. What happens when keys die before they expire.
 */
let emu: StartedEmulator;
beforeAll(async () => (emu = await startEmulator()));
afterAll(() => emu.close());

const credentials = (settings: Record<string, unknown>) =>
  fetch(`${emu.url}/_emulator/credentials`, { method: "POST", body: JSON.stringify(settings) }).then((r) => r.json());

let dev: Source;
let prod: Source;
beforeEach(async () => {
  await credentials({ lifetimeSeconds: 3600 });
  const config = v.parse(configSchema, {
    region: "us-east-1",
    endpoint: emu.url,
    label: "Dev",
    credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001" },
    sources: [
      { id: "prod", label: "Prod", region: "eu-west-1", credentials: { type: "assumeRole", roleArn: "arn:aws:iam::210987654321:role/CodePipelineDashboardReadOnly" } },
    ],
  });
  [dev, prod] = createSources(config);
});

const list = (source: Source) => source.send((client, abortSignal) => client.send(new ListPipelinesCommand({}), { abortSignal }), {});

describe("sources whose keys were revoked", () => {
  it("an assumed role renews its base credentials, assumes the role again, and the base source signs with the renewed ones", async () => {
    await list(dev);
    await list(prod);
    await fetch(`${emu.url}/_emulator/requests/reset`, { method: "POST" });
    const { revoked } = (await credentials({ revokeAll: true })) as { revoked: number };
    expect(revoked).toBeGreaterThanOrEqual(2);

    await expect(list(prod)).resolves.toHaveProperty("pipelines");
    // Dev's credentials were renewed for Prod's AssumeRole: Dev's own next call is accepted at once.
    await expect(list(dev)).resolves.toHaveProperty("pipelines");
    const { byOperation } = await emu.control.requests();
    // Prod: refused once, then sent again; one AssumeRole, with the renewed base keys. Dev: one call.
    expect(byOperation).toEqual({ ListPipelines: 3, "sts:AssumeRole": 1 });
  });

  it("when STS refuses the base credentials while the role's are renewed, renews them and assumes again", async () => {
    await list(dev);
    // The role's sessions now last a minute: the SDK renews them on every call (within five minutes of expiry).
    await credentials({ lifetimeSeconds: 60 });
    await list(prod);
    await credentials({ revokeAll: true });
    await fetch(`${emu.url}/_emulator/requests/reset`, { method: "POST" });

    await expect(list(prod)).resolves.toHaveProperty("pipelines");
    const { byOperation } = await emu.control.requests();
    // The call itself once, never refused. AssumeRole: the renewal with Dev's revoked keys (refused: ExpiredToken),
    // one with fresh ones, and maybe one more: a one-minute session is renewed whenever the SDK reads it.
    expect(byOperation.ListPipelines).toBe(1);
    expect(byOperation["sts:AssumeRole"]).toBeGreaterThanOrEqual(2);
    expect(byOperation["sts:AssumeRole"]).toBeLessThanOrEqual(3);
  });
});
