import type { GetPipelineCommandInput, GetPipelineOutput } from "@aws-sdk/client-codepipeline";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createLiveHealth } from "../live/live-health";
import { pipelineDeclarationQuery } from "./declaration-queries";
import type { Source } from "./source";

/** A source whose GetPipeline answers wait until the test releases them, recording what was asked. */
function gatedSource(latestVersion: number) {
  const asked: (number | undefined)[] = [];
  const gates: (() => void)[] = [];
  const source = {
    id: "s",
    polling: { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 },
    live: createLiveHealth(undefined),
    send: (call: (client: { send(command: { input: GetPipelineCommandInput }): Promise<GetPipelineOutput> }, signal: AbortSignal) => Promise<unknown>) =>
      call(
        {
          send: ({ input }) => {
            asked.push(input.version);
            const version = input.version ?? latestVersion;
            return new Promise((done) => gates.push(() => done({ pipeline: { name: input.name, version, roleArn: "r", stages: [] } })));
          },
        },
        new AbortController().signal,
      ),
  } as unknown as Source;
  return { source, asked, release: () => gates.splice(0).forEach((open) => open()) };
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe("pipelineDeclarationQuery", () => {
  it("a version's read joins the latest declaration on its way when that is the version asked for", async () => {
    const { source, asked, release } = gatedSource(3);
    const client = new QueryClient();
    const latest = client.fetchQuery(pipelineDeclarationQuery(source, "web", undefined));
    await tick();
    const versioned = client.fetchQuery(pipelineDeclarationQuery(source, "web", 3));
    await tick();
    release();
    expect((await versioned).pipeline?.version).toBe(3);
    expect((await latest).pipeline?.version).toBe(3);
    expect(asked).toEqual([undefined]);
  });

  it("reads its own version when the latest turns out to be another one", async () => {
    const { source, asked, release } = gatedSource(4);
    const client = new QueryClient();
    void client.fetchQuery(pipelineDeclarationQuery(source, "web", undefined));
    await tick();
    const versioned = client.fetchQuery(pipelineDeclarationQuery(source, "web", 3));
    await tick();
    release();
    await tick();
    release();
    expect((await versioned).pipeline?.version).toBe(3);
    expect(asked).toEqual([undefined, 3]);
  });

  it("the latest declaration's answer is its version's, so that version is not read again", async () => {
    const { source, asked, release } = gatedSource(5);
    const client = new QueryClient();
    const latest = client.fetchQuery(pipelineDeclarationQuery(source, "web", undefined));
    await tick();
    release();
    await latest;
    expect((await client.fetchQuery(pipelineDeclarationQuery(source, "web", 5))).pipeline?.version).toBe(5);
    expect(asked).toEqual([undefined]);
  });
});
