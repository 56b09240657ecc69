import { stripAnsi } from "./ansi";

/**
 * "Jump to first error": the first log line that matches the build's failure. In order of trust:
 *
 * 1. The failed command (CodeBuild's phase context "Error while executing command: npm test. Reason: …"): the
 *    first line that looks like an error in that command's output (after its last "Running command npm test"),
 *    else the line saying the command did not exit successfully, else the line that ran it.
 * 2. A line holding one of the failure's messages word for word (the action's error, the phase's context).
 * 3. The first line that looks like an error at all.
 */

export interface Failure {
  /** The failed phases' context messages (CodeBuild), the action's error message. */
  messages: readonly string[];
}

/** Words a failing tool writes; CodeBuild's own status lines ("Phase complete: BUILD State: FAILED") are not it. */
const ERROR_LIKE = /\b(error|err!|fail|failed|failure|fatal|exception|panic)\b|✖|✗/i;
const CODEBUILD_STATUS = /^\[Container\]/;

const COMMAND_IN_MESSAGE = /Error while executing command: (.+?)\. Reason:/;

export function failedCommand(messages: readonly string[]): string | undefined {
  for (const message of messages) {
    const match = COMMAND_IN_MESSAGE.exec(message);
    if (match) return match[1];
  }
  return undefined;
}

const looksLikeError = (line: string) => ERROR_LIKE.test(line) && !CODEBUILD_STATUS.test(line);

/** Index of the first failing line in `lines` (raw log lines, ANSI included), or undefined. */
export function firstErrorLine(rawLines: readonly string[], failure: Failure): number | undefined {
  const lines = rawLines.map(stripAnsi);
  const command = failedCommand(failure.messages);
  if (command) {
    const ran = findLast(lines, (line) => line.includes(`Running command ${command}`));
    if (ran !== undefined) {
      const failedAt = lines.findIndex((line, i) => i > ran && line.includes("did not exit successfully"));
      const end = failedAt >= 0 ? failedAt : lines.length;
      for (let i = ran + 1; i < end; i++) if (looksLikeError(lines[i])) return i;
      return failedAt >= 0 ? failedAt : ran;
    }
  }
  const messages = failure.messages.map((m) => m.trim()).filter((m) => m.length >= 4);
  const quoted = lines.findIndex((line) => messages.some((m) => line.includes(m)));
  if (quoted >= 0) return quoted;
  const any = lines.findIndex(looksLikeError);
  return any >= 0 ? any : undefined;
}

function findLast(lines: readonly string[], test: (line: string) => boolean): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i])) return i;
  return undefined;
}
