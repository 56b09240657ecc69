import { paths } from "../../../app/paths";

/** The inbox's URLs; the lead may fold them into src/app/paths.ts. */
export const approvalPaths = {
  inboxPattern: "approvals",
  inbox: () => "/approvals",
  approvalPattern: "pipelines/:name/approvals/:stage/:action",
  approval: (name: string, stageName: string, actionName: string) =>
    `${paths.pipeline.href(name)}/approvals/${encodeURIComponent(stageName)}/${encodeURIComponent(actionName)}`,
  pipeline: (name: string) => paths.pipeline.href(name),
};
