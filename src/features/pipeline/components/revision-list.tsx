import type { SourceRevision } from "@aws-sdk/client-codepipeline";
import { summarizeRevision } from "../../../core/revision";
import { safeHref } from "../../../core/safe-link";

/** Source revisions: short id (a link only for http/https) and first line of the commit message. */
export function RevisionList({ revisions }: { revisions: readonly SourceRevision[] | undefined }) {
  if (!revisions?.length) return <span className="text-zinc-500">—</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {revisions.map((r, i) => {
        const info = summarizeRevision(r);
        const href = safeHref(info?.url);
        return (
          <li key={`${r.actionName}-${i}`} className="flex min-w-0 items-baseline gap-1">
            {revisions.length > 1 && (
              <span className="shrink-0 text-zinc-600 dark:text-zinc-400">
                <bdi>{r.actionName}</bdi>:
              </span>
            )}
            {info?.shortId &&
              (href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" className="shrink-0 font-mono text-sky-800 underline dark:text-sky-300" aria-label={`Commit ${info.shortId}`}>
                  {info.shortId}
                </a>
              ) : (
                <span className="shrink-0 font-mono">{info.shortId}</span>
              ))}
            {info?.message && (
              <bdi className="truncate" title={info.message}>
                {info.message}
              </bdi>
            )}
          </li>
        );
      })}
    </ul>
  );
}
