/** Pipelines seen with a manual approval this session: the "recently decided" list reads their action runs. */
const KEY = "codepipeline-dashboard:approval-pipelines";
let known: Set<string> | undefined;

function load(): Set<string> {
  if (known) return known;
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    known = new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    known = new Set();
  }
  return known;
}

/** Idempotent; returns every known name, sorted. */
export function rememberApprovalPipelines(names: Iterable<string>): string[] {
  const set = load();
  const before = set.size;
  for (const name of names) set.add(name);
  if (set.size !== before) {
    try {
      sessionStorage.setItem(KEY, JSON.stringify([...set].slice(-50)));
    } catch {
      // memory only
    }
  }
  return [...set].sort();
}
