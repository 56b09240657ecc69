import type { PipelineDeclaration, TriggerType } from "@aws-sdk/client-codepipeline";

/**
 * The trigger type a change in a pipeline's source arrives as on AWS, by its first source action:
 * a connection (GitHub, GitLab, Bitbucket) sends WebhookV2, CodeCommit, ECR and S3 changes come
 * through EventBridge (CloudWatchEvent), a GitHub (version 1) source through its webhook (Webhook).
 */
export function sourceTriggerType(declaration: PipelineDeclaration): TriggerType {
  const provider = declaration.stages?.[0]?.actions?.[0]?.actionTypeId?.provider;
  if (provider === "CodeStarSourceConnection") return "WebhookV2";
  if (provider === "CodeCommit" || provider === "ECR" || provider === "S3") return "CloudWatchEvent";
  return "Webhook";
}
