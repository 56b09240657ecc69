import { json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Compartment } from "@codemirror/state";
import { oneDarkTheme } from "@codemirror/theme-one-dark";
import { EditorView, basicSetup } from "codemirror";
import { tags } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import type { LocatedProblem } from "../../../core/definition/validate";

const DARK = "(prefers-color-scheme: dark)";
/**
 * One Dark's editor with its JSON colours, except where they fall short of 4.5:1 on #282c34: gutter numbers
 * (#7d8799, 3.9) and keys (#e06c75, 4.4) are lightened. Earlier extensions take precedence in CodeMirror.
 */
const darkTheme = [
  EditorView.theme({ ".cm-gutters": { color: "#a3acbc" } }, { dark: true }),
  oneDarkTheme,
  syntaxHighlighting(
    HighlightStyle.define(
      [
        { tag: tags.propertyName, color: "#ef8f96" },
        { tag: tags.string, color: "#98c379" },
        { tag: [tags.number, tags.bool, tags.null], color: "#d19a66" },
      ],
      { themeType: "dark" },
    ),
  ),
];
const themeFor = (dark: boolean) => (dark ? darkTheme : []);

/**
 * CodeMirror 6 as a controlled-enough JSON field: the text flows out through `onChange`; `problems`
 * (computed by the caller from the same text) become inline lint markers. Only `resetKey` changes
 * replace the document, so typing never fights React.
 */
export function JsonEditor({
  initialText,
  resetKey,
  problems,
  onChange,
  label,
  describedBy,
}: {
  initialText: string;
  resetKey: string;
  problems: LocatedProblem[];
  onChange(text: string): void;
  label: string;
  describedBy?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ problems, onChange });

  useEffect(() => {
    // The editor follows the system colour scheme like the rest of the page (Tailwind's `dark:`), live.
    const theme = new Compartment();
    const media = window.matchMedia(DARK);
    const editor = new EditorView({
      doc: initialText,
      parent: host.current!,
      extensions: [
        basicSetup,
        theme.of(themeFor(media.matches)),
        json(),
        lintGutter(),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
        // Wrapped and grown with its content rather than scrolled inside: an inner scroll area with no tab stop
        // of its own is a keyboard trap for axe (and the page scrolls anyway).
        EditorView.lineWrapping,
      ],
    });
    view.current = editor;
    showProblems(editor, latest.current.problems);
    const followScheme = (event: MediaQueryListEvent) => editor.dispatch({ effects: theme.reconfigure(themeFor(event.matches)) });
    media.addEventListener("change", followScheme);
    return () => {
      media.removeEventListener("change", followScheme);
      editor.destroy();
      view.current = null;
    };
    // The document is replaced only when the caller asks (resetKey); initialText changes with every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey, label, describedBy]);

  // Problems come from the caller (browser checks and the server's answer alike), so they are pushed, not linted.
  useEffect(() => {
    latest.current = { problems, onChange };
    if (view.current) showProblems(view.current, problems);
  }, [problems, onChange]);

  return <div ref={host} className="definition-editor overflow-hidden rounded-md border border-zinc-400 bg-white text-sm text-zinc-900 dark:border-zinc-600 dark:bg-[#282c34] dark:text-zinc-100" />;
}

function showProblems(editor: EditorView, problems: LocatedProblem[]) {
  const length = editor.state.doc.length;
  const diagnostics: Diagnostic[] = problems
    .filter((p) => p.from !== undefined && p.to !== undefined)
    .map((p) => ({ from: Math.min(p.from!, length), to: Math.min(p.to!, length), severity: "error", message: p.message }));
  editor.dispatch(setDiagnostics(editor.state, diagnostics));
}

/** Moves the caret to a problem and focuses the editor, for the problem list's links. */
export function focusEditorAt(container: HTMLElement | null, position: number) {
  const editor = container ? EditorView.findFromDOM(container) : null;
  if (!editor) return;
  editor.dispatch({ selection: { anchor: Math.min(position, editor.state.doc.length) }, scrollIntoView: true });
  editor.focus();
}
