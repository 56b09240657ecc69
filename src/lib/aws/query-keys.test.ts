import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { codepipelineKeys, invalidateAfter, pipelineOfKey } from "./query-keys";

const a = { id: "us-east-1@a" };
const b = { id: "eu-west-1@b" };

function seeded() {
  const client = new QueryClient();
  for (const source of [a, b]) {
    // A pipeline may be named "pipelines": it must not match the source's list, nor the list it.
    for (const name of ["web", "api", "pipelines"]) {
      client.setQueryData(codepipelineKeys.state(source, name), {});
      client.setQueryData(codepipelineKeys.recentRuns(source, name), null);
      client.setQueryData(codepipelineKeys.history(source, name), {});
    }
    client.setQueryData(codepipelineKeys.pipelines(source), []);
  }
  return client;
}

const matching = (client: QueryClient, queryKey: readonly unknown[]) => client.getQueryCache().findAll({ queryKey }).map((q) => q.queryKey);

describe("codepipelineKeys", () => {
  it("let a pipeline prefix match that pipeline's queries of that source, and nothing else", () => {
    const client = seeded();
    expect(matching(client, codepipelineKeys.pipeline(a, "web"))).toEqual([
      codepipelineKeys.state(a, "web"),
      codepipelineKeys.recentRuns(a, "web"),
      codepipelineKeys.history(a, "web"),
    ]);
    expect(matching(client, codepipelineKeys.pipelines(a))).toEqual([codepipelineKeys.pipelines(a)]);
  });

  it("let a source prefix match its list and every pipeline of it, never another source's", () => {
    const client = seeded();
    const ofA = matching(client, codepipelineKeys.source(a));
    expect(ofA).toHaveLength(10);
    expect(ofA).toContainEqual(codepipelineKeys.pipelines(a));
    expect(ofA.some((key) => JSON.stringify(key).includes(b.id))).toBe(false);
  });

  it("let the executions prefix match history and latest execution, not the state", () => {
    const client = seeded();
    expect(matching(client, codepipelineKeys.executions(b, "api"))).toEqual([
      codepipelineKeys.recentRuns(b, "api"),
      codepipelineKeys.history(b, "api"),
    ]);
  });
});

describe("pipelineOfKey", () => {
  it("names the source and pipeline of a state or newest-runs key, and of nothing else", () => {
    expect(pipelineOfKey(codepipelineKeys.state(a, "web"), "state")).toEqual({ source: { id: a.id }, name: "web" });
    expect(pipelineOfKey(codepipelineKeys.state(a, "state"), "state")).toEqual({ source: { id: a.id }, name: "state" });
    expect(pipelineOfKey(codepipelineKeys.recentRuns(a, "web"), "state")).toBeUndefined();
    expect(pipelineOfKey(codepipelineKeys.pipelines(a), "state")).toBeUndefined();
    expect(pipelineOfKey(["other", { source: "s", pipeline: "p" }, "state"], "state")).toBeUndefined();
    expect(pipelineOfKey(codepipelineKeys.recentRuns(a, "web"), "recent-runs")).toEqual({ source: { id: a.id }, name: "web" });
    expect(pipelineOfKey(codepipelineKeys.recentExecutions(a, "web"), "recent-runs")).toBeUndefined();
  });
});

describe("invalidateAfter", () => {
  const invalidated = (client: QueryClient) =>
    client
      .getQueryCache()
      .findAll({ predicate: (q) => q.state.isInvalidated })
      .map((q) => q.queryKey);

  it("refreshes state and every execution query of the changed pipeline after an execution change", async () => {
    const client = seeded();
    await invalidateAfter(client, a, "web", "execution");
    expect(invalidated(client)).toEqual([
      codepipelineKeys.state(a, "web"),
      codepipelineKeys.recentRuns(a, "web"),
      codepipelineKeys.history(a, "web"),
    ]);
  });

  it("refreshes only the state after a transition toggle", async () => {
    const client = seeded();
    await invalidateAfter(client, a, "web", "transition");
    expect(invalidated(client)).toEqual([codepipelineKeys.state(a, "web")]);
  });
});
