import type { CodePipelineEvent } from "../engine/state-events";

/** The last CodePipeline events the engine sent (`GET /_emulator/eventbridge`), for tests and for looking. */
export class EventLog {
  private events: CodePipelineEvent[] = [];

  constructor(private readonly capacity = 500) {}

  record(event: CodePipelineEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
  }

  list(pipeline?: string): CodePipelineEvent[] {
    return pipeline ? this.events.filter((e) => e.detail.pipeline === pipeline) : [...this.events];
  }

  clear(): void {
    this.events = [];
  }
}
