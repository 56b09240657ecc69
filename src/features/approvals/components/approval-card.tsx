import { useRef } from "react";
import { Link } from "react-router";
import { useSource } from "../../../lib/sources/source-context";
import { useInViewport, usePollOnScreen } from "../../../lib/polling/use-on-screen";
import type { ApprovalItem } from "../api/use-approval-items";
import { paths } from "../../../lib/paths";
import { ApprovalReview, ApprovalStatusBadge } from "../../../components/approval-review";
import { SourceBadge, useManySources } from "./source-badge";
import { linkClass } from "../../../components/styles";

/**
 * One approval of the inbox; render it inside its source's <SourceContext>, so links, reads and the decision go
 * there. While it waits and is on screen, its pipeline's state is read at the on-screen cadence (`activeSeconds`
 * while it waits), so a decision made elsewhere shows within one round.
 */
export function ApprovalCard({ item, gone = false, headingLevel = 2 }: { item: ApprovalItem; gone?: boolean; headingLevel?: 2 | 3 }) {
  const source = useSource();
  const { approval } = item;
  const ref = useRef<HTMLElement>(null);
  usePollOnScreen(source, approval.pipelineName, useInViewport(ref) && !gone);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `approval-${item.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  // With more than one source the card's name includes its source, so two same-named approvals read apart.
  const labelledBy = useManySources() ? `${headingId} ${headingId}-source` : headingId;

  return (
    <article
      ref={ref}
      aria-labelledby={labelledBy}
      className={`rounded-lg border p-4 shadow-sm ${gone ? "border-dashed border-zinc-400 bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900/60" : "border-zinc-200 bg-white dark:border-zinc-700 dark:bg-zinc-900"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading id={headingId} className="text-lg font-semibold break-all">
          <Link to={paths.pipeline.href(source, approval.pipelineName)} className={linkClass}>
            <bdi>{approval.pipelineName}</bdi>
          </Link>{" "}
          <span className="font-normal text-zinc-700 dark:text-zinc-300">
            › {approval.stageName} › {approval.actionName}
          </span>
        </Heading>
        <div className="flex flex-wrap items-center gap-2">
          <SourceBadge id={`${headingId}-source`} />
          <ApprovalStatusBadge item={item} waiting={!gone} />
        </div>
      </div>
      <ApprovalReview item={item} waiting={!gone} />
      <p className="mt-2 text-xs">
        <Link to={paths.approval.href(source, approval.pipelineName, approval.stageName, approval.actionName)} className={linkClass}>
          Link to this approval
        </Link>
      </p>
    </article>
  );
}
