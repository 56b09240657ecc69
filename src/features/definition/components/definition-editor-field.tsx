import { useId, useRef } from "react";
import type { LocatedProblem } from "../../../core/definition/validate";
import { focusEditorAt, JsonEditor } from "./json-editor";
import { ProblemList } from "./problem-list";

/** The JSON editor with its problem list underneath; the list links back into the text. */
export function DefinitionEditorField({
  label,
  initialText,
  resetKey,
  text,
  problems,
  onChange,
}: {
  label: string;
  initialText: string;
  resetKey: string;
  text: string;
  problems: LocatedProblem[];
  onChange(text: string): void;
}) {
  const problemsId = useId();
  const container = useRef<HTMLDivElement>(null);
  return (
    <div className="flex flex-col gap-2">
      <div ref={container}>
        <JsonEditor initialText={initialText} resetKey={resetKey} problems={problems} onChange={onChange} label={label} describedBy={problemsId} />
      </div>
      <ProblemList id={problemsId} text={text} problems={problems} onSelect={(position) => focusEditorAt(container.current, position)} />
    </div>
  );
}
