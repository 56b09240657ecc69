import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Source } from "./source";
import { followStateChanges, latestExecutionQuery, pipelineStateQuery } from "./pipeline-queries";

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
