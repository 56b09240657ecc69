import { paths, type SourceRef } from "../../../app/paths";

/** The inbox's URLs; an approval's page belongs to its pipeline's source. */
export const approvalPaths = {
  inboxPattern: "approvals",
  inbox: () => "/approvals",
  approvalPattern: "pipelines/:name/approvals/:stage/:action",
  approval: (source: SourceRef, name: string, stageName: string, actionName: string) =>
    `${paths.pipeline.href(source, name)}/approvals/${encodeURIComponent(stageName)}/${encodeURIComponent(actionName)}`,
  pipeline: (source: SourceRef, name: string) => paths.pipeline.href(source, name),
};
