import type { KubeProxyNote } from "../domain/kube/kube-proxy-policy";
import { useMessages, usePart } from "../store/messages";
import { KUBE, type KubeMessages } from "../i18n/parts/kube";
import { useFieldIssues, useSizing } from "../store/calc-store";
import { useKubeView } from "../store/kube-view";
import { Field } from "./field";
import { CopyStatusText } from "./copy-status";
import { useCopy } from "./use-copy";

export function KubePanel() {
  const { t } = useMessages();
  const issues = useFieldIssues();
  const view = useKubeView();
  const { sizing } = useSizing();
  const [status, copy] = useCopy();
  const k = usePart(KUBE);

  return (
    <section className="kube" aria-labelledby="kube-heading">
      <p className="block-why">{k.intro}</p>
      <div className="traffic-fields">
        <Field name="cores" issue={issues.cores} hint={k.hints.cores}>
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field name="k8s" issue={issues.k8s} hint={k.hints.k8s}>
          {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} />}
        </Field>
      </div>
      {view && (
        <>
          <article className="result" aria-label={k.byItself}>
            <h3>{k.byItself}</h3>
            <p className="result-value" data-testid="kube-proxy-max" data-value={view.own.max ?? ""}>
              {view.own.max === null ? k.leavesAlone : k.resultMax({ max: view.own.max })}
            </p>
            <p className="result-formula">
              {view.own.decidedBy === "per-core"
                ? k.decidedBy["per-core"]({ cores: view.cores })
                : k.decidedBy[view.own.decidedBy]()}
            </p>
            {view.node && (
              <p className="result-formula" data-testid="kube-node-max" data-value={view.node.max}>
                {k.nodeMax({ max: view.node.max, source: view.node.source })}
                {t.punctuation.clauses}
                {k.memory({ memoryBytes: view.node.memory.total })}
              </p>
            )}
            <p className="block-why">{k.namespaces}</p>
            <ul className="differences">
              {view.own.notes.map((note) => (
                <li key={note.code} className={note.code === "overwrites-max" ? "warning" : "info"}>
                  {noteMessage(k, note)}
                </li>
              ))}
            </ul>
          </article>
          {view.plan.ok && view.yaml ? (
            <section className="block" aria-labelledby="kube-config-heading">
              <div className="block-header">
                <h3 id="kube-config-heading">{k.configTitle({ max: sizing.max })}</h3>
                <button type="button" onClick={() => copy(view.yaml ?? "")}>
                  {t.config.copy}
                </button>
              </div>
              <p className="block-why">{k.configWhy}</p>
              <CopyStatusText status={status} copied={t.config.copied} failed={t.config.copyFailedText} />
              <pre
                className="snippet"
                data-testid="kube-proxy-config"
                tabIndex={0}
                aria-labelledby="kube-config-heading"
              >
                {view.yaml}
              </pre>
              <ul className="differences">
                {view.plan.value.notes.map((note) =>
                  note.code === "min-above-cap" ? (
                    <li key={note.code} className="warning">
                      {k.minAboveCap}
                    </li>
                  ) : note.code === "sysctl-for" ? (
                    <li key={note.code}>{k.sysctlFor({ keys: note.keys.join(", ") })}</li>
                  ) : note.code === "only-raises" ? (
                    <li key={note.code} className="warning">
                      {k.configOnlyRaises({ timeouts: note.timeouts, kernelDefault: note.kernelDefault })}
                    </li>
                  ) : null,
                )}
              </ul>
            </section>
          ) : (
            <p className="warning">{k.belowCores}</p>
          )}
        </>
      )}
    </section>
  );
}

function noteMessage(k: KubeMessages, note: KubeProxyNote): string {
  const notes = k.notes;
  switch (note.code) {
    case "capped":
    case "would-cap":
      return notes[note.code]({ scaled: note.scaled });
    case "above-int-max":
      return notes["above-int-max"]({ max: note.max });
    case "hashsize":
      return notes.hashsize({ hashsize: note.hashsize, fatal: note.fatal });
    case "only-raises":
      return notes["only-raises"]({ timeouts: note.timeouts });
    case "raises-timeouts":
      return notes["raises-timeouts"]({ established: note.established, closeWait: note.closeWait });

    case "overwrites-max":
    case "leaves-max":
    case "lowers-larger-max":
    case "sets-timeouts":
      return notes[note.code]();
  }
}
