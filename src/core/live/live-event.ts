/*
 * Live updates' events (docs/live-updates.md): what the dashboard's EventBridge rule publishes to AppSync
 * Events for each CodePipeline state change, trimmed by its input transformer. An event is a hint that a
 * pipeline changed, never the data: it only decides which pipeline's state to read again.
 */

export interface LiveEvent {
  account: string;
  region: string;
  pipeline: string;
  executionId: string;
  /** Empty on pipeline-level events (EventBridge fills absent paths with ""). */
  stage: string;
  action: string;
  /** The action's category on action events (Approval, Build, …), else empty. */
  category: string;
  state: string;
  time: string;
  detailType: string;
}

const FIELDS = ["account", "region", "pipeline", "executionId", "stage", "action", "category", "state", "time", "detailType"] as const;
const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;

/** A data message's `event` (a JSON string), or undefined for anything else: a hint we cannot use is dropped. */
export function parseLiveEvent(text: unknown): LiveEvent | undefined {
  if (typeof text !== "string") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const event = Object.fromEntries(FIELDS.map((field) => [field, typeof record[field] === "string" ? record[field] : ""])) as unknown as LiveEvent;
  return PIPELINE_NAME.test(event.pipeline) && /^\d{12}$/.test(event.account) && event.region !== "" ? event : undefined;
}

/**
 * What a hint asks for: read the pipeline's state now (it is on screen, or the approvals count needs it), its
 * newest runs at the next off-screen refresh (its run started or ended: the overview's attention order may
 * move), or nothing.
 */
export type Interest = "on-screen" | "approvals" | "off-screen" | "none";

export const PIPELINE_EXECUTION_EVENT = "CodePipeline Pipeline Execution State Change";

/**
 * Whether a pipeline's event is worth a read. On screen (a row in view, the pipeline page, a wall tile): any
 * change. Off screen: an approval action starting or ending moves the approvals count every page shows, now; a
 * run starting or ending (a pipeline-level event) changes the row's health, the attention order's rank, so the
 * row's newest runs are read at the next off-screen refresh instead of every off-screen row on a timer. A stage's or action's
 * step off screen changes neither.
 */
export function interestIn(event: LiveEvent, onScreen: boolean): Interest {
  if (onScreen) return "on-screen";
  if (event.category === "Approval") return "approvals";
  return event.detailType === PIPELINE_EXECUTION_EVENT ? "off-screen" : "none";
}

/**
 * Collapses hints per pipeline over a short window, so the burst one state change makes (an action and its
 * stage ending, the next starting: four events in the same second) costs one read. A pipeline read less than
 * `spacingMs` ago waits until then: events of one change that EventBridge delivers spread over a second, or a
 * run's quick steps, fold into one more read instead of one each (and a read still in flight is not cancelled
 * for a newer one). Duplicates and late or out-of-order events need nothing more: each only asks for a fresh
 * read, and the read is the truth.
 */
export class HintBatcher<K> {
  private readonly due = new Map<string, { key: K; at: number }>();
  private readonly flushedAt = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (keys: K[]) => void,
    private readonly id: (key: K) => string,
    /** Two hints for the same pipeline in one window become one: what both ask for. */
    private readonly merge: (a: K, b: K) => K = (_a, b) => b,
    private readonly spacingMs = 0,
  ) {}

  add(key: K): void {
    const id = this.id(key);
    const earlier = this.due.get(id);
    const at = earlier?.at ?? Math.max(Date.now() + this.windowMs, (this.flushedAt.get(id) ?? -Infinity) + this.spacingMs);
    this.due.set(id, { key: earlier ? this.merge(earlier.key, key) : key, at });
    this.schedule(at);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.due.clear();
  }

  private schedule(at: number): void {
    if (at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.flushDue(), Math.max(0, at - Date.now()));
  }

  private flushDue(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    const keys: K[] = [];
    for (const [id, { key, at }] of this.due) {
      if (at > now) continue;
      keys.push(key);
      this.due.delete(id);
      this.flushedAt.set(id, now);
    }
    // Forget pipelines read longer ago than the spacing: their next hint waits only the window.
    for (const [id, at] of this.flushedAt) if (at + this.spacingMs <= now) this.flushedAt.delete(id);
    const next = Math.min(...[...this.due.values()].map((d) => d.at));
    if (next < Infinity) this.schedule(next);
    if (keys.length > 0) this.flush(keys);
  }
}
