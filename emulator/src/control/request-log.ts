/** Counts of CodePipeline calls, so tests and benchmarks can check how much a client polls. */
export interface RequestCounts {
  since: string;
  total: number;
  byOperation: Record<string, number>;
  byAccessKey: Record<string, number>;
}

export class RequestLog {
  private since = new Date();
  private total = 0;
  private byOperation = new Map<string, number>();
  private byAccessKey = new Map<string, number>();

  record(operation: string, accessKeyId: string | undefined): void {
    this.total++;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    const key = accessKeyId ?? "(unsigned)";
    this.byAccessKey.set(key, (this.byAccessKey.get(key) ?? 0) + 1);
  }

  counts(): RequestCounts {
    return {
      since: this.since.toISOString(),
      total: this.total,
      byOperation: Object.fromEntries(this.byOperation),
      byAccessKey: Object.fromEntries(this.byAccessKey),
    };
  }

  reset(): void {
    this.since = new Date();
    this.total = 0;
    this.byOperation.clear();
    this.byAccessKey.clear();
  }
}
