import { ErrorBanner } from "../../../components/error-banner";
import type { SourceStatus } from "../api/use-approvals";
import { useManySources } from "./source-badge";

/**
 * One banner per failing source, naming it: a bad role or a region that is down says so on its own, while the
 * other sources' approvals stay on screen below. With a single source it reads as it always did.
 */
export function SourceErrors({ statuses }: { statuses: SourceStatus[] }) {
  const many = useManySources();
  const failing = statuses.filter((s) => s.error);
  if (failing.length === 0) return null;
  return (
    <div className="mt-4 flex flex-col gap-2">
      {failing.map(({ source, error, failed, updatedAt }) => (
        <ErrorBanner
          key={source.id}
          error={error!}
          lastGoodAt={updatedAt || undefined}
          what={!many ? "some pipelines" : failed ? `the pipelines of ${source.label}` : `some pipelines of ${source.label}`}
        />
      ))}
    </div>
  );
}
