import type { PipelineDeclaration, Tag } from "@aws-sdk/client-codepipeline";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { paths } from "../../../lib/paths";
import { useSource } from "../../../lib/sources/source-context";
import { describeError } from "../../../components/error-banner";
import { RelativeTime } from "../../../components/relative-time";
import { dangerButton, fieldClass, primaryButton, secondaryButton } from "../../../components/styles";
import { pipelineTagsQuery } from "../../../lib/aws/declaration-queries";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { downloadText, formatDeclaration } from "../lib/declaration-text";
import { DefinitionDiff } from "./definition-diff";
import { DeletePipelineDialog } from "./delete-pipeline-dialog";
import { EditDefinition } from "./edit-definition";

/**
 * The pipeline page's Definition tab: the declaration as JSON with its metadata and tags, a diff against
 * any earlier version (`?compare=N`, so a link can show "what changed"), and, unless read-only, edit,
 * copy to a new pipeline and delete. Loaded only when opened (it brings CodeMirror).
 */
export default function DefinitionTab({ pipelineName }: { pipelineName: string }) {
  const source = useSource();
  const readOnly = source.readOnly;
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const current = useQuery(pipelineDeclarationQuery(source, pipelineName, undefined));
  const declaration = current.data?.pipeline;
  const metadata = current.data?.metadata;
  const tags = useQuery(pipelineTagsQuery(source, pipelineName, metadata?.pipelineArn));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const compareParam = Number(search.get("compare"));
  const compareVersion = Number.isInteger(compareParam) && compareParam > 0 && compareParam < (declaration?.version ?? 0) ? compareParam : undefined;

  if (current.isPending) return <p className="p-2 text-sm">Loading the definition…</p>;
  if (!declaration) {
    return (
      <p role="alert" className="p-2 text-sm text-red-800 dark:text-red-300">
        Could not load the definition: {current.error ? describeError(current.error) : "no declaration returned."}
      </p>
    );
  }
  const text = formatDeclaration(declaration);
  const setCompare = (version: number | undefined) => {
    const params = new URLSearchParams(search);
    if (version) params.set("compare", String(version));
    else params.delete("compare");
    setSearch(params);
  };

  return (
    <div className="flex flex-col gap-4 p-1">
      <Summary declaration={declaration} arn={metadata?.pipelineArn} created={metadata?.created} updated={metadata?.updated} tags={tags.data} tagsError={tags.error} />
      {notice && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {notice}
        </p>
      )}
      {editing ? (
        <EditDefinition
          name={pipelineName}
          base={declaration}
          onClose={(saved) => {
            setEditing(false);
            setNotice(saved ? `Saved as version ${saved}. Running executions were cancelled.` : null);
          }}
        />
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-2">
            <button type="button" className={secondaryButton} onClick={() => void navigator.clipboard?.writeText(text).then(() => setNotice("Definition copied to the clipboard."))}>
              Copy JSON
            </button>
            <button type="button" className={secondaryButton} onClick={() => downloadText(`${pipelineName}-v${declaration.version}.json`, text)}>
              Download JSON
            </button>
            <label className="flex flex-col gap-1 text-sm font-medium">
              Compare with version
              <select
                className={fieldClass}
                value={compareVersion ?? ""}
                onChange={(e) => setCompare(e.target.value ? Number(e.target.value) : undefined)}
              >
                <option value="">No comparison</option>
                {Array.from({ length: (declaration.version ?? 1) - 1 }, (_, i) => (declaration.version ?? 1) - 1 - i).map((v) => (
                  <option key={v} value={v}>
                    Version {v}
                  </option>
                ))}
              </select>
            </label>
            {!readOnly && (
              <div className="ml-auto flex flex-wrap gap-2">
                <button
                  type="button"
                  className={primaryButton}
                  onClick={() => {
                    setNotice(null);
                    setEditing(true);
                  }}
                >
                  Edit definition
                </button>
                <Link to={paths.createPipeline.href(source, pipelineName)} className={secondaryButton}>
                  Copy to a new pipeline
                </Link>
                <button type="button" className={dangerButton} onClick={() => setDeleting(true)}>
                  Delete pipeline…
                </button>
              </div>
            )}
          </div>
          {compareVersion && <VersionDiff name={pipelineName} version={compareVersion} current={declaration} />}
          <pre
            tabIndex={0}
            aria-label={`Definition of ${pipelineName}, version ${declaration.version} (JSON)`}
            className="max-h-[70vh] overflow-auto rounded-md border border-zinc-300 bg-zinc-50 p-3 font-mono text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          >
            {text}
          </pre>
        </>
      )}
      {deleting && (
        <DeletePipelineDialog
          name={pipelineName}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate(paths.overview.href(), { state: { deleted: pipelineName } })}
        />
      )}
    </div>
  );
}

function VersionDiff({ name, version, current }: { name: string; version: number; current: PipelineDeclaration }) {
  const source = useSource();
  const older = useQuery(pipelineDeclarationQuery(source, name, version));
  if (older.isPending) return <p className="text-sm">Loading version {version}…</p>;
  if (!older.data?.pipeline) {
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        Could not load version {version}: {older.error ? describeError(older.error) : "no declaration returned."}
      </p>
    );
  }
  return (
    <div className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
      <DefinitionDiff before={older.data.pipeline} after={current} label={`Changes from version ${version} to version ${current.version} (current)`} />
    </div>
  );
}

function Summary({
  declaration,
  arn,
  created,
  updated,
  tags,
  tagsError,
}: {
  declaration: PipelineDeclaration;
  arn?: string;
  created?: Date;
  updated?: Date;
  tags?: Tag[];
  tagsError: Error | null;
}) {
  const term = "text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className={term}>ARN</dt>
      <dd className="break-all font-mono">{arn ?? "–"}</dd>
      <dt className={term}>Version</dt>
      <dd>{declaration.version}</dd>
      <dt className={term}>Created</dt>
      <dd>{created ? <RelativeTime date={created} /> : "–"}</dd>
      <dt className={term}>Updated</dt>
      <dd>{updated ? <RelativeTime date={updated} /> : "–"}</dd>
      <dt className={term}>Tags</dt>
      <dd>
        {tagsError ? (
          <span className="text-red-800 dark:text-red-300">Could not load the tags: {describeError(tagsError)}</span>
        ) : !tags ? (
          "Loading…"
        ) : tags.length === 0 ? (
          "None"
        ) : (
          <ul className="flex flex-wrap gap-1">
            {tags.map((t) => (
              <li key={t.key} className="rounded bg-zinc-200 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                {t.key}={t.value}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
