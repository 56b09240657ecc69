import type { PipelineExecutionSummary, SourceRevision } from "@aws-sdk/client-codepipeline";

/** What the overview shows about the code an execution runs. */
export interface RevisionInfo {
  /** Full revision id (commit sha, image digest, object version...). */
  id?: string;
  /** Seven characters for git commit ids, at most 12 otherwise. */
  shortId?: string;
  /** First line of the commit message. */
  message?: string;
  author?: string;
  /** Only http(s) URLs survive; see safeHref. */
  url?: string;
}

const COMMIT_ID = /^[0-9a-f]{40}$/i;

/** CodeStar connections report `{"ProviderType":"GitHub","CommitMessage":"..."}`; CodeCommit and others send plain text. */
export function parseRevisionSummary(summary: string | undefined): { message?: string; author?: string } {
  if (!summary) return {};
  const trimmed = summary.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        const record = parsed as Record<string, unknown>;
        const message = firstString(record, ["CommitMessage", "commitMessage", "message"]);
        const author = firstString(record, ["AuthorDisplayName", "AuthorName", "Author", "author"]);
        return { message: message === undefined ? undefined : firstLine(message), author };
      }
    } catch {
      // not JSON after all: a commit message may well start with "{"
    }
  }
  return { message: firstLine(trimmed) };
}

/** Git commits as git shows them (7 characters); other long ids (object versions, digests) cut to 12. */
export function shortRevisionId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  if (COMMIT_ID.test(id)) return id.slice(0, 7);
  return id.length > 12 ? `${id.slice(0, 12)}…` : id;
}

export function summarizeRevision(revision: SourceRevision | undefined): RevisionInfo | undefined {
  if (!revision) return undefined;
  const { message, author } = parseRevisionSummary(revision.revisionSummary);
  return {
    id: revision.revisionId,
    shortId: shortRevisionId(revision.revisionId),
    message,
    author,
    url: revision.revisionUrl,
  };
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

function firstLine(text: string): string | undefined {
  const line = text.split(/\r?\n/, 1)[0].trim();
  return line === "" ? undefined : line;
}

/** The newest commit message per source action, from executions newest first: what the graph shows beside a revision. */
export function revisionMessagesOf(executions: readonly PipelineExecutionSummary[]): Map<string, string> {
  const messages = new Map<string, string>();
  for (const e of executions) {
    for (const r of e.sourceRevisions ?? []) {
      if (!r.actionName || messages.has(r.actionName)) continue;
      const message = parseRevisionSummary(r.revisionSummary).message;
      if (message) messages.set(r.actionName, message);
    }
  }
  return messages;
}
