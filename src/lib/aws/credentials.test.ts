import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer } from "../../../emulator/src/server";
import { credentialProvider, CredentialsError, isStaleCredentialError, refreshOnStaleCredentials, toCredentialsError } from "./credentials";
import { setSignInSession, SignInExpiredError, type SignInSession } from "./id-token";

function awsError(name: string) {
  const error = new Error("refused");
  error.name = name;
  return error;
}

describe("refreshOnStaleCredentials", () => {
  it("fetches credentials once and runs the call again after ExpiredTokenException or UnrecognizedClientException", async () => {
    for (const name of ["ExpiredTokenException", "UnrecognizedClientException"]) {
      let refreshes = 0;
      const run = refreshOnStaleCredentials(async () => void refreshes++);
      let calls = 0;
      const result = await run(async () => {
        calls++;
        if (calls === 1) throw awsError(name);
        return "ok";
      });
      expect(result).toBe("ok");
      expect(calls).toBe(2);
      expect(refreshes).toBe(1);
    }
  });

  it("passes other errors through without refreshing or repeating the call", async () => {
    let refreshes = 0;
    const run = refreshOnStaleCredentials(async () => void refreshes++);
    let calls = 0;
    await expect(
      run(async () => {
        calls++;
        throw awsError("ThrottlingException");
      }),
    ).rejects.toThrow("refused");
    expect(calls).toBe(1);
    expect(refreshes).toBe(0);
  });

  it("gives up after one refresh when the fresh credentials are refused too", async () => {
    const run = refreshOnStaleCredentials(async () => undefined);
    let calls = 0;
    await expect(
      run(async () => {
        calls++;
        throw awsError("ExpiredTokenException");
      }),
    ).rejects.toThrow("refused");
    expect(calls).toBe(2);
  });

  it("shares one fetch among calls refused together", async () => {
    let refreshes = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = refreshOnStaleCredentials(async () => {
      refreshes++;
      await gate;
    });
    let fresh = false;
    const call = () =>
      run(async () => {
        if (!fresh) throw awsError("ExpiredTokenException");
        return "ok";
      });
    const all = Promise.all([call(), call(), call()]);
    await Promise.resolve();
    fresh = true;
    release();
    expect(await all).toEqual(["ok", "ok", "ok"]);
    expect(refreshes).toBe(1);
  });

  it("reports a failed fetch instead of calling again", async () => {
    const run = refreshOnStaleCredentials(() => Promise.reject(new CredentialsError("pool refused")));
    let calls = 0;
    await expect(
      run(async () => {
        calls++;
        throw awsError("UnrecognizedClientException");
      }),
    ).rejects.toThrow("pool refused");
    expect(calls).toBe(1);
  });
});

describe("credential errors", () => {
  it("names the identity pool and the reason", () => {
    const error = toCredentialsError(awsError("ResourceNotFoundException"), "us-east-1:abc");
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe("Could not get AWS credentials from the identity pool us-east-1:abc. ResourceNotFoundException: refused");
  });

  it("keeps an expired sign-in as it is, so the screen can offer to sign in again", () => {
    const expired = new SignInExpiredError();
    expect(toCredentialsError(expired, "p")).toBe(expired);
  });

  it("tells stale credentials from other refusals", () => {
    expect(isStaleCredentialError(awsError("ExpiredTokenException"))).toBe(true);
    expect(isStaleCredentialError(awsError("AccessDeniedException"))).toBe(false);
    expect(isStaleCredentialError("ExpiredTokenException")).toBe(false);
  });
});

describe("signed-in credentials", () => {
  afterEach(() => vi.useRealTimers());

  it("hand Cognito the id token held at each fetch, so after a renewal the new one is used", async () => {
    const emulator = createServer({ clock: "manual", log: () => {} });
    await new Promise<void>((resolve) => emulator.server.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(emulator.server.address() as AddressInfo).port}`;
    try {
      let token = await emulator.login.mintIdToken({ sub: "kiosk" });
      const session: SignInSession = { idToken: async () => token, signOut: async () => {}, signInAgain: async () => {} };
      setSignInSession(session, { idToken: token, expiresAt: Date.now() + 3_600_000, renewal: "working" });
      const login = { provider: "login.emulator.local", authority: `${endpoint}/_emulator/oauth2`, clientId: "tests", scope: "openid" };
      const provider = credentialProvider({ region: "us-east-1", endpoint, credentials: { type: "cognito", identityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001", login } });
      if (typeof provider !== "function") throw new Error("expected a provider");
      expect((await provider()).accessKeyId).toMatch(/^ASIA/);

      // Two hours on: the first token has expired (Cognito refuses it) and a renewed one is held.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 7_200_000 });
      const expired = token;
      token = await emulator.login.mintIdToken({ sub: "kiosk" });
      expect((await provider()).accessKeyId).toMatch(/^ASIA/);
      token = expired;
      await expect(provider()).rejects.toThrow(/Invalid login token\. Token expired/);
    } finally {
      await emulator.close();
    }
  });
});
