/**
 * CodePipeline's published prices, the one place the estimate takes them from (US East; other regions may
 * differ). From aws.amazon.com/codepipeline/pricing, read on the date below: update both together.
 */
export const CODEPIPELINE_PRICES = {
  readOn: "2026-12-02",
  currency: "USD",
  /** V2: per action execution minute, each action run rounded up to the minute; manual approvals and custom actions are free. */
  v2PerActionMinute: 0.002,
  /** V2 free tier: minutes a month shared by all V2 pipelines of the account. */
  v2FreeMinutesPerMonth: 100,
  /** V1: per active pipeline-month (older than 30 days, with at least one code change that month; not prorated). */
  v1PerActivePipelineMonth: 1,
  v1FreeDaysAfterCreation: 30,
  /** V1 free tier: active pipelines a month per account. */
  v1FreeActivePipelinesPerMonth: 1,
} as const;
