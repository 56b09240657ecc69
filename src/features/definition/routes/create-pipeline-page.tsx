import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { paths } from "../../../lib/paths";
import { useSource } from "../../../lib/sources/source-context";
import { describeError } from "../../../components/error-banner";
import { checkDefinitionText, type DefinitionProblem } from "../../../core/definition/validate";
import { refusalProblems } from "../../../core/definition/server-refusal";
import { pipelinesQuery } from "../../../lib/aws/pipeline-queries";
import { ApiErrorMessage } from "../../../components/control-dialog";
import { inputClass, primaryButton } from "../../../components/styles";
import { useCreatePipeline } from "../../../lib/aws/definition-mutations";
import { pipelineDeclarationQuery } from "../../../lib/aws/declaration-queries";
import { DefinitionEditorField } from "../components/definition-editor-field";
import { formatDeclaration, STRUCTURE_ERRORS, TEMPLATE_DECLARATION, withoutIdentity, type UnnamedDeclaration } from "../lib/declaration-text";

/**
 * `/new-pipeline[?from=NAME]`: CreatePipeline from JSON, starting from a template or a copy of an
 * existing pipeline's current declaration. The name is its own field, so a copy cannot keep the
 * original's name by accident.
 */
export default function CreatePipelinePage() {
  const source = useSource();
  const [search, setSearch] = useSearchParams();
  const from = search.get("from") ?? "";
  const pipelines = useQuery(pipelinesQuery(source));
  const original = useQuery({ ...pipelineDeclarationQuery(source, from, undefined), enabled: from !== "" });
  const startingPoint = from ? original.data?.pipeline : TEMPLATE_DECLARATION;

  if (source.readOnly) {
    return (
      <main id="main" className="px-4 py-4 sm:px-6">
        <h1 className="text-2xl font-bold">New pipeline</h1>
        <p className="mt-3">This dashboard is configured read-only: pipelines cannot be created here.</p>
      </main>
    );
  }
  return (
    <main id="main" className="flex flex-col gap-4 px-4 py-4 sm:px-6">
      <p className="text-sm">
        <Link to={from ? paths.definition.href(source, from) : paths.overview.href()} className="text-sky-800 underline dark:text-sky-300">
          ← {from ? `Back to ${from}` : "All pipelines"}
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-all">{from ? `New pipeline, copied from ${from}` : "New pipeline"}</h1>
      <label className="flex max-w-md flex-col gap-1 text-sm font-medium">
        Start from
        <select
          className={inputClass}
          value={from}
          onChange={(e) => setSearch(e.target.value ? { from: e.target.value } : {})}
        >
          <option value="">A template</option>
          {(pipelines.data ?? []).map((p) => (
            <option key={p.name} value={p.name}>
              A copy of {p.name}
            </option>
          ))}
        </select>
      </label>
      {from && original.error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Could not load {from}: {describeError(original.error)}
        </p>
      )}
      {startingPoint ? (
        <CreateForm key={from} copyOf={from || undefined} startingPoint={startingPoint} />
      ) : (
        !original.error && <p className="text-sm">Loading {from}…</p>
      )}
    </main>
  );
}

function CreateForm({ copyOf, startingPoint }: { copyOf?: string; startingPoint: UnnamedDeclaration }) {
  const navigate = useNavigate();
  const source = useSource();
  const create = useCreatePipeline();
  const nameId = useId();
  const nameErrorId = useId();
  const initialText = useMemo(() => formatDeclaration(withoutIdentity(startingPoint)), [startingPoint]);
  const [name, setName] = useState(copyOf ? `${copyOf}-copy` : "");
  const [text, setText] = useState(initialText);
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[]>([]);
  const [attempted, setAttempted] = useState(false);
  const checked = useMemo(() => checkDefinitionText(text, { overrides: { name }, extra: serverProblems }), [text, name, serverProblems]);
  const nameProblem = checked.problems.find((p) => p.path[0] === "name")?.message;
  const ownProblems = checked.problems.length - serverProblems.length;

  const submit = () => {
    setAttempted(true);
    if (ownProblems > 0 || !checked.declaration) return;
    const pipeline = checked.declaration;
    create.mutate(
      { pipeline },
      {
        onSuccess: () => navigate(paths.pipeline.href(source, name)),
        onError: (error) => {
          if (STRUCTURE_ERRORS.has(error.name)) {
            setServerProblems(refusalProblems(pipeline, error));
          }
        },
      },
    );
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex max-w-md flex-col gap-1 text-sm">
        <label htmlFor={nameId} className="font-medium">
          Pipeline name
        </label>
        <input
          id={nameId}
          className={inputClass}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={attempted && !!nameProblem}
          aria-describedby={nameErrorId}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={nameErrorId} className="text-red-800 dark:text-red-300">
          {attempted || name ? nameProblem : ""}
        </p>
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        The declaration below, without its name (the field above sets it).{copyOf ? " Tags are not copied." : " Replace the placeholder ARNs."} Creating
        the pipeline starts its first execution.
      </p>
      <DefinitionEditorField
        label="Definition of the new pipeline (JSON)"
        initialText={initialText}
        resetKey={copyOf ?? "template"}
        text={text}
        problems={checked.problems}
        onChange={(next) => {
          setText(next);
          if (serverProblems.length) setServerProblems([]);
        }}
      />
      {create.error && <ApiErrorMessage error={create.error} />}
      {attempted && ownProblems > 0 && (
        <p role="alert" className="text-sm font-semibold text-red-800 dark:text-red-300">
          Not created: fix the {ownProblems === 1 ? "problem" : `${ownProblems} problems`} first.
        </p>
      )}
      <div>
        <button type="submit" className={primaryButton} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create pipeline"}
        </button>
      </div>
    </form>
  );
}
