import { useRef } from "react";
import { useMessages } from "../store/messages";
import { CopyStatusText } from "./copy-status";
import { Code } from "./rich-text";
import { useCopy } from "./use-copy";

export interface Block {
  readonly id: string;
  readonly testId: string;
  readonly title: string;
  readonly why: string;
  /** Where the file goes on the host; null for commands, scripts and the tools' files. */
  readonly path: string | null;
  readonly text: string;
  /** Its own download button; null where the buttons above the tabs already download it. */
  readonly fileName: string | null;
}

/**
 * One block of config: its title, why it is there, Copy (and Download), and the exact text. While
 * `unavailable` says why (a field the config is computed from is invalid), the block shows that in
 * place of the text, and Copy and Download hand out nothing.
 */
export function ConfigBlock({ block, unavailable = null }: { block: Block; unavailable?: string | null }) {
  const { t } = useMessages();
  const pre = useRef<HTMLPreElement>(null);
  const [status, copy] = useCopy();
  const { fileName } = block;
  const headingId = `block-${block.id}`;
  const selectText = () => {
    const selection = window.getSelection();
    if (pre.current && selection) selection.selectAllChildren(pre.current);
  };
  return (
    <section className="block" aria-labelledby={headingId}>
      <div className="block-header">
        <h3 id={headingId}>
          {block.title}
          {block.path && (
            <>
              {t.punctuation.label}
              <Code text={block.path} />
            </>
          )}
        </h3>
        <div className="block-buttons">
          <button type="button" disabled={unavailable !== null} onClick={() => copy(block.text, selectText)}>
            {t.config.copy}
          </button>
          {fileName && (
            <button
              type="button"
              className="secondary"
              disabled={unavailable !== null}
              onClick={() => download(block.text, fileName)}
            >
              {t.config.download({ name: fileName })}
            </button>
          )}
        </div>
      </div>
      <p className="block-why">{block.why}</p>
      <CopyStatusText status={status} copied={t.config.copied} failed={t.config.copyFailedText} />
      {unavailable === null ? (
        <pre
          ref={pre}
          className="snippet"
          data-testid={block.testId}
          tabIndex={0}
          aria-labelledby={headingId}
        >
          {block.text}
        </pre>
      ) : (
        <p className="answer-invalid block-unavailable" data-testid={`${block.testId}-unavailable`}>
          {unavailable}
        </p>
      )}
    </section>
  );
}

export function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
