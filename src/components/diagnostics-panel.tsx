import { lazy, useState } from "react";
import { COLLECTOR_COMMAND, COLLECTOR_COMMAND_AS_ROOT } from "../domain/diagnostics/collector";
import { useMessages, usePart } from "../store/messages";
import { PASTE } from "../i18n/parts/paste";
import { setPaste, useCalcStore } from "../store/calc-store";
import { CopyStatusText } from "./copy-status";
import { LazyPart, LoadFailed } from "./load-boundary";
import { useCopy } from "./use-copy";

// The report loads only once something is pasted, as the parser does: most visits never need them.
const PasteRates = lazy(() => import("./paste-rates").then((module) => ({ default: module.PasteRates })));
const PasteReport = lazy(() => import("./paste-report").then((module) => ({ default: module.PasteReport })));

export function DiagnosticsPanel() {
  const words = usePart(PASTE);
  const paste = useCalcStore((state) => state.paste);
  const reading = useCalcStore((state) => state.pasteReading);

  return (
    <section className="paste" aria-labelledby="paste-heading">
      <h2 id="paste-heading">{words.heading}</h2>
      <p className="block-why">{words.intro}</p>
      <CollectorCommand />
      <div className="field">
        <label htmlFor="field-paste">{words.boxLabel}</label>
        <textarea
          id="field-paste"
          name="paste"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          value={paste}
          placeholder={words.placeholder}
          aria-describedby="paste-privacy"
          onChange={(event) => setPaste(event.currentTarget.value)}
        />
        <p id="paste-privacy" className="field-hint">
          {words.privacy}{" "}
          {paste !== "" && (
            <button type="button" className="preset" onClick={() => setPaste("")}>
              {words.clear}
            </button>
          )}
        </p>
      </div>
      {reading?.status === "failed" && <LoadFailed />}
      {reading?.status === "read" && (
        <LazyPart>
          <PasteReport diagnostics={reading.diagnostics} filledKeys={reading.filled} />
          <PasteRates rates={reading.rates} />
        </LazyPart>
      )}
    </section>
  );
}

/**
 * The collector, once: a switch chooses the root variant and one Copy copies the command shown.
 * Both stay in the page (the hidden one unshown), each under its own test id.
 */
function CollectorCommand() {
  const { t } = useMessages();
  const paste = usePart(PASTE);
  const [asRoot, setAsRoot] = useState(false);
  const [status, copy] = useCopy();
  const command = asRoot ? COLLECTOR_COMMAND_AS_ROOT : COLLECTOR_COMMAND;
  return (
    <div className="command">
      <div className="block-header">
        <span id="collector-label" className="command-label">
          {paste.commandLabel}
        </span>
        <label className="switch">
          <input
            type="checkbox"
            checked={asRoot}
            onChange={(event) => setAsRoot(event.currentTarget.checked)}
          />{" "}
          {paste.rootCommandLabel}
        </label>
        <button type="button" onClick={() => copy(command)}>
          {paste.copyCommand}
        </button>
      </div>
      <CopyStatusText status={status} copied={t.config.copied} failed={t.config.copyFailedText} />
      <pre
        className="snippet"
        data-testid="collector-command"
        tabIndex={asRoot ? undefined : 0}
        aria-labelledby="collector-label"
        hidden={asRoot}
      >
        {COLLECTOR_COMMAND}
      </pre>
      <pre
        className="snippet"
        data-testid="collector-command-root"
        tabIndex={asRoot ? 0 : undefined}
        aria-labelledby="collector-label"
        hidden={!asRoot}
      >
        {COLLECTOR_COMMAND_AS_ROOT}
      </pre>
    </div>
  );
}
