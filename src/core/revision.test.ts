import { describe, expect, it } from "vitest";
import { parseRevisionSummary, revisionMessagesOf, shortRevisionId, summarizeRevision } from "./revision";

describe("parseRevisionSummary", () => {
  it("takes the first line of a plain-text commit message", () => {
    expect(parseRevisionSummary("Fix login redirect\n\nLonger body here")).toEqual({ message: "Fix login redirect" });
  });

  it("reads the CodeStar connections JSON form", () => {
    const summary = JSON.stringify({ ProviderType: "GitHub", CommitMessage: "Add cache headers\n\nbody" });
    expect(parseRevisionSummary(summary)).toEqual({ message: "Add cache headers", author: undefined });
  });

  it("reads an author when the JSON form carries one", () => {
    const summary = JSON.stringify({ ProviderType: "GitHub", CommitMessage: "Bump deps", AuthorDisplayName: "Ada" });
    expect(parseRevisionSummary(summary)).toEqual({ message: "Bump deps", author: "Ada" });
  });

  it("treats text that only looks like JSON as plain text", () => {
    expect(parseRevisionSummary("{wip} refactor parser")).toEqual({ message: "{wip} refactor parser" });
  });

  it("returns nothing for empty summaries", () => {
    expect(parseRevisionSummary(undefined)).toEqual({});
    expect(parseRevisionSummary("   \n")).toEqual({ message: undefined });
  });

  it("keeps hostile markup as inert text", () => {
    expect(parseRevisionSummary('<img src=x onerror="alert(1)">')).toEqual({ message: '<img src=x onerror="alert(1)">' });
  });
});

describe("shortRevisionId", () => {
  it("shortens git commit ids to seven characters", () => {
    expect(shortRevisionId("0123456789abcdef0123456789abcdef01234567")).toBe("0123456");
  });
  it("leaves short revision ids alone and cuts long ones", () => {
    expect(shortRevisionId("sha256:abc")).toBe("sha256:abc");
    expect(shortRevisionId("48b03edd831c5399833e3741b4854e7c")).toBe("48b03edd831c…");
  });
});

describe("summarizeRevision", () => {
  it("combines id, message and url", () => {
    expect(
      summarizeRevision({
        actionName: "Source",
        revisionId: "fedcba9876543210fedcba9876543210fedcba98",
        revisionSummary: "Ship it",
        revisionUrl: "https://github.com/acme/web/commit/fedcba9",
      }),
    ).toEqual({
      id: "fedcba9876543210fedcba9876543210fedcba98",
      shortId: "fedcba9",
      message: "Ship it",
      author: undefined,
      url: "https://github.com/acme/web/commit/fedcba9",
    });
  });
});

describe("revisionMessagesOf", () => {
  it("keeps the newest commit message of each source action", () => {
    const summary = (message: string) => JSON.stringify({ ProviderType: "GitHub", CommitMessage: message });
    const messages = revisionMessagesOf([
      { sourceRevisions: [{ actionName: "App", revisionId: "b", revisionSummary: summary("Newest\n\nbody") }] },
      { sourceRevisions: [{ actionName: "App", revisionId: "a", revisionSummary: summary("Older") }, { actionName: "Infra", revisionId: "c", revisionSummary: summary("Infra change") }] },
      { sourceRevisions: [{ actionName: "", revisionId: "d", revisionSummary: summary("No action name") }] },
    ]);
    expect([...messages]).toEqual([
      ["App", "Newest"],
      ["Infra", "Infra change"],
    ]);
  });
});
