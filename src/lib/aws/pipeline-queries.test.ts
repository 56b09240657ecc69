import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Source } from "./source";
import { codepipelineKeys, followStateChanges, invalidateAfter, latestExecutionQuery, pipelineStateQuery, pipelinesQuery } from "./pipeline-queries";

function fakeSource(id: string): Source {
  return {
    id,
    isDefault: true,
    label: id,
    region: "us-east-1",
    polling: { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 },
    send: () => Promise.reject(new Error("not used")),
    readOnly: false,
    setVisible: () => undefined,
    pending: () => 0,
  };
}

describe("query keys", () => {
  const a = fakeSource("us-east-1@a");
  const b = fakeSource("eu-west-1@b");

  it("carry the source and the pipeline, general to specific", () => {
    expect(pipelineStateQuery(a, "web").queryKey).toEqual(["codepipeline", "us-east-1@a", "pipeline", "web", "state"]);
    expect(pipelinesQuery(a).queryKey).toEqual(["codepipeline", "us-east-1@a", "pipelines"]);
    expect(pipelineStateQuery(a, "web").queryKey).not.toEqual(pipelineStateQuery(b, "web").queryKey);
  });

  it("let a pipeline prefix match all of that pipeline's queries and nothing else", () => {
    const client = new QueryClient();
    client.setQueryData(pipelineStateQuery(a, "web").queryKey, {});
    client.setQueryData(latestExecutionQuery(a, "web").queryKey, null);
    client.setQueryData(pipelineStateQuery(a, "api").queryKey, {});
    client.setQueryData(pipelineStateQuery(b, "web").queryKey, {});
    const matched = client.getQueryCache().findAll({ queryKey: codepipelineKeys.pipeline(a, "web") });
    expect(matched.map((q) => q.queryKey)).toEqual([
      pipelineStateQuery(a, "web").queryKey,
      latestExecutionQuery(a, "web").queryKey,
    ]);
  });
});

describe("invalidateAfter", () => {
  const source = fakeSource("s");
  function seeded() {
    const client = new QueryClient();
    for (const name of ["web", "api"]) {
      client.setQueryData(pipelineStateQuery(source, name).queryKey, {});
      client.setQueryData(latestExecutionQuery(source, name).queryKey, null);
    }
    client.setQueryData(pipelinesQuery(source).queryKey, []);
    return client;
  }
  const invalidated = (client: QueryClient) =>
    client
      .getQueryCache()
      .findAll({ predicate: (q) => q.state.isInvalidated })
      .map((q) => q.queryKey.slice(2).join("/"));

  it("refreshes state and history of the changed pipeline after an execution change", async () => {
    const client = seeded();
    await invalidateAfter(client, source, "web", "execution");
    expect(invalidated(client)).toEqual(["pipeline/web/state", "pipeline/web/executions/[object Object]"]);
  });

  it("refreshes only the state after a transition toggle", async () => {
    const client = seeded();
    await invalidateAfter(client, source, "web", "transition");
    expect(invalidated(client)).toEqual(["pipeline/web/state"]);
  });
});

describe("followStateChanges", () => {
  const source = fakeSource("s");
  it("refreshes a pipeline's executions when a stage's execution or status changes, and only then", () => {
    const client = new QueryClient();
    const stop = followStateChanges(client);
    const stateKey = pipelineStateQuery(source, "web").queryKey;
    const execution = () => client.getQueryState(latestExecutionQuery(source, "web").queryKey)?.isInvalidated;
    const other = () => client.getQueryState(latestExecutionQuery(source, "api").queryKey)?.isInvalidated;
    client.setQueryData(latestExecutionQuery(source, "web").queryKey, null);
    client.setQueryData(latestExecutionQuery(source, "api").queryKey, null);
    const stage = (status: "InProgress" | "Failed", percentComplete: number): GetPipelineStateOutput => ({
      stageStates: [
        {
          stageName: "Build",
          latestExecution: { pipelineExecutionId: "e1", status },
          actionStates: [{ actionName: "Compile", latestExecution: { status, percentComplete } }],
        },
      ],
    });
    client.setQueryData(stateKey, stage("InProgress", 10));
    expect(execution()).toBe(false);
    // Progress alone moves nothing in the history.
    client.setQueryData(stateKey, stage("InProgress", 60));
    expect(execution()).toBe(false);
    client.setQueryData(stateKey, stage("Failed", 60));
    expect(execution()).toBe(true);
    expect(other()).toBe(false);
    stop();
  });
});

describe("adaptive polling", () => {
  const source = fakeSource("s");
  it("polls fast while running and slow when idle", () => {
    const options = pipelineStateQuery(source, "web");
    const interval = options.refetchInterval as (q: { state: { data: unknown } }) => number;
    const running = { stageStates: [{ latestExecution: { pipelineExecutionId: "x", status: "InProgress" } }] };
    expect(interval({ state: { data: running } })).toBe(5000);
    expect(interval({ state: { data: { stageStates: [] } } })).toBe(30_000);
  });
});
