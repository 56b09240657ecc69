import type { AddressInfo } from "node:net";
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer } from "../../../emulator/src/server";
import {
  credentialProvider,
  CredentialsError,
  isStaleCredentialError,
  refreshBackoffMs,
  refreshOnStaleCredentials,
  sharedCredentials,
  toCredentialsError,
} from "./credentials";
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

describe("refreshOnStaleCredentials, when refreshing does not help", () => {
  /** A clock the test moves, and a call refused until `fixed`. */
  function setup(refresh: () => Promise<unknown>) {
    let time = 0;
    const run = refreshOnStaleCredentials(refresh, () => time);
    let fixed = false;
    let calls = 0;
    const call = () =>
      run(async () => {
        calls++;
        if (!fixed) throw awsError("ExpiredTokenException");
        return "ok";
      });
    return { call, advance: (ms: number) => (time += ms), fix: () => (fixed = true), calls: () => calls };
  }

  it("waits longer and longer before refreshing again, reporting meanwhile what the last refresh got", async () => {
    let refreshes = 0;
    const { call, advance, calls } = setup(async () => void refreshes++);
    await expect(call()).rejects.toThrow("refused");
    expect(refreshes).toBe(1);
    // Within the first backoff: no refresh, no second call, the refusal reported.
    advance(refreshBackoffMs(1) - 1);
    const before = calls();
    await expect(call()).rejects.toThrow("refused");
    expect(refreshes).toBe(1);
    expect(calls()).toBe(before + 1);
    advance(1);
    await expect(call()).rejects.toThrow("refused");
    expect(refreshes).toBe(2);
    // The second futile refresh doubles the wait.
    advance(refreshBackoffMs(1));
    await expect(call()).rejects.toThrow("refused");
    expect(refreshes).toBe(2);
    advance(refreshBackoffMs(2) - refreshBackoffMs(1));
    await expect(call()).rejects.toThrow("refused");
    expect(refreshes).toBe(3);
  });

  it("reports a refresh that failed, without fetching again until the backoff is over", async () => {
    let refreshes = 0;
    const { call, advance } = setup(async () => {
      refreshes++;
      throw new CredentialsError("Could not assume the role. ExpiredToken: expired");
    });
    await expect(call()).rejects.toThrow("Could not assume the role");
    await expect(call()).rejects.toThrow("Could not assume the role");
    expect(refreshes).toBe(1);
    advance(refreshBackoffMs(1));
    await expect(call()).rejects.toThrow("Could not assume the role");
    expect(refreshes).toBe(2);
  });

  it("counts one futile refresh however many calls find it futile, and starts over after an accepted call", async () => {
    let refreshes = 0;
    const { call, advance, fix } = setup(async () => void refreshes++);
    await Promise.allSettled([call(), call(), call()]);
    expect(refreshes).toBe(1);
    advance(refreshBackoffMs(1));
    await expect(call()).rejects.toThrow("refused");
    expect(refreshes).toBe(2);
    // Credentials fixed elsewhere (another source renewed them): the next accepted call ends the backoff.
    fix();
    advance(refreshBackoffMs(2));
    await expect(call()).resolves.toBe("ok");
    expect(refreshBackoffMs(0)).toBe(0);
  });

  it("backs off from 2 s, doubling, at most a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(refreshBackoffMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});

describe("sharedCredentials", () => {
  const issued = () => {
    let n = 0;
    const provider = async () => ({ accessKeyId: `KEY${++n}`, secretAccessKey: "s", expiration: new Date(Date.now() + 3_600_000) });
    return { provider, count: () => n };
  };

  it("is one set for every client that signs with it: a refresh by one is what the others use", async () => {
    const { provider, count } = issued();
    const shared = sharedCredentials(provider);
    const dev = new CodePipelineClient({ region: "us-east-1", credentials: shared });
    const other = new CodePipelineClient({ region: "eu-west-1", credentials: shared });
    expect((await dev.config.credentials()).accessKeyId).toBe("KEY1");
    expect((await other.config.credentials()).accessKeyId).toBe("KEY1");
    expect((await dev.config.credentials({ forceRefresh: true })).accessKeyId).toBe("KEY2");
    expect((await other.config.credentials()).accessKeyId).toBe("KEY2");
    expect((await shared()).accessKeyId).toBe("KEY2");
    expect(count()).toBe(2);
  });

  it("shares one fetch among refreshes asked for together", async () => {
    const { provider, count } = issued();
    const shared = sharedCredentials(provider);
    await shared();
    await Promise.all([shared({ forceRefresh: true }), shared({ forceRefresh: true })]);
    expect(count()).toBe(2);
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
    // CodePipeline's names, and STS's (Query protocol) for the same two refusals.
    for (const name of ["ExpiredTokenException", "UnrecognizedClientException", "ExpiredToken", "InvalidClientTokenId"]) {
      expect(isStaleCredentialError(awsError(name)), name).toBe(true);
    }
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
