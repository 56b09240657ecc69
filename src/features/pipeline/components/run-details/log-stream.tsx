import { useEffect, useMemo, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { explainReadError } from "../../../../core/run-details/explain";
import { firstErrorLine } from "../../../../core/run-details/first-error";
import { logStreamConsoleUrl } from "../../../../core/run-details/console-links";
import { safeHref } from "../../../../core/safe-link";
import { logStreamQuery } from "../../../../lib/aws/build-log-queries";
import type { Source } from "../../../../lib/aws/source";
import { linkClass } from "../../../../components/styles";
import { LogView } from "./log-view";
import { ReadProblemNote } from "./read-problem";

/**
 * One CloudWatch Logs stream read into the log view: from its head, then following its forward token while
 * `live` (the build or action runs), with one last read when it stops; the failing line is looked up once the
 * whole log is in.
 */
export function LogStream({
  source,
  pipelineName,
  group,
  stream,
  live,
  failureMessages,
  label,
}: {
  source: Source;
  pipelineName: string;
  group: string;
  stream: string;
  live: boolean;
  failureMessages: readonly string[];
  label: string;
}) {
  const query = useQuery(logStreamQuery(source, pipelineName, group, stream, live));
  const { refetch } = query;

  // The run just ended: its last lines may have come after the last poll.
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) void refetch();
    wasLive.current = live;
  }, [live, refetch]);

  const read = query.data;
  const reading = query.isFetching && !live;
  const errorLine = useMemo(
    () => (read && !live && !reading && failureMessages.length > 0 ? firstErrorLine(read.lines.map((l) => l.message), { messages: failureMessages }) : undefined),
    [read, live, reading, failureMessages],
  );

  const consoleUrl = safeHref(logStreamConsoleUrl(source.region, group, stream));
  return (
    <div className="flex flex-col gap-2">
      {query.error && <ReadProblemNote problem={explainReadError(query.error, "logs:GetLogEvents", `the ${label.toLowerCase()}`)} lastGoodAt={read ? query.dataUpdatedAt : undefined} />}
      {query.error && !read && consoleUrl && (
        <p className="text-sm">
          <a href={consoleUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Open the stream in CloudWatch
          </a>{" "}
          <span className="font-mono text-xs break-all">
            {group} / {stream}
          </span>
        </p>
      )}
      {(read || query.isPending) && (
        <LogView
          label={label}
          fileName={`${stream.replace(/[^\w.-]+/g, "_")}.log`}
          lines={read?.lines ?? []}
          errorLine={errorLine}
          live={live}
          loading={query.isPending || reading}
          truncated={read?.truncated ?? false}
          consoleUrl={consoleUrl}
        />
      )}
    </div>
  );
}
