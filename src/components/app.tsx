import { lazy, useEffect, type MouseEvent } from "react";
import { flushSync } from "react-dom";
import { LOCALES, type Locale } from "../domain/core/locale";
import { initialLocale, useMessages } from "../store/messages";
import { setLang, useCalcStore } from "../store/calc-store";
import { reloadPage, usePageStatus } from "../store/page-status";
import { URL_VERSION } from "../url/migrations";
import { formatKernelVersion } from "../domain/kernel/kernel-version";
import { useKernelWarns, useSizing } from "../store/calc-store";
import { chooseMode, useGroupSet, useSizingMode } from "../store/view";
import { showInputs } from "../store/inputs-fold";
import { Fold } from "./fold";
import { LazyPart } from "./load-boundary";
import { ConfigBlocks } from "./config-blocks";
import { InputsForm } from "./inputs-form";
import { Results } from "./results";
import { RichText } from "./rich-text";

// The details' panels load just after the first render, beside the charts: their headings are
// drawn at once, and a shared link's answer does not wait for them.
const KernelPanel = lazy(() => import("./kernel-panel").then((module) => ({ default: module.KernelPanel })));
const TimeoutsPanel = lazy(() =>
  import("./timeouts-panel").then((module) => ({ default: module.TimeoutsPanel })),
);
const ChartsPanel = lazy(() => import("./charts-panel").then((module) => ({ default: module.ChartsPanel })));
const TablePanel = lazy(() => import("./table-panel").then((module) => ({ default: module.TablePanel })));
const KubePanel = lazy(() => import("./kube-panel").then((module) => ({ default: module.KubePanel })));

/**
 * The way of sizing from a pasted dump, then its box, which the app draws once chosen. On a narrow
 * screen a shared link folds the inputs, and the box with them: unfold them first, or the focus
 * lands on nothing visible. The panel's heading comes to the top, so the reader sees what the box
 * is for, and the box into view under it (the collector's command between them may push the
 * heading out again on a short screen: the box is what the reader came for).
 */
function startFromMachine(event: MouseEvent) {
  event.preventDefault();
  flushSync(() => {
    chooseMode("paste");
    showInputs(true);
  });
  document.getElementById("paste-heading")?.scrollIntoView({ block: "start" });
  const box = document.getElementById("field-paste");
  box?.scrollIntoView({ block: "nearest" });
  box?.focus({ preventScroll: true });
}

/**
 * What lies behind the answer, each folded under a heading until it matters: what the kernel does
 * by itself (open on a warning or an unconfirmed boundary), the charts, the timeouts (open once one
 * is set, or when sizing from traffic, whose entries they keep) and the Kubernetes node (open once
 * one of its fields is set or its preset chosen).
 */
function Details() {
  const { t } = useMessages();
  const { inputs } = useSizing();
  const kernelWarns = useKernelWarns();
  const timeoutsSet = useGroupSet("timeouts");
  const kubeSet = useGroupSet("kube");
  const byTraffic = useSizingMode() === "traffic";
  const kubeRole = useCalcStore((state) => state.validRaw.role === "kubernetes");
  // Entry lines in the paste box open the table's section, which reads them.
  const pasteHoldsTable = useCalcStore((state) => /\bsrc=\S+\s+dst=\S+|<flow>/.test(state.paste));
  return (
    <div className="details">
      <Fold
        id="kernel"
        headingId="kernel-heading"
        title={t.kernel.heading({ version: formatKernelVersion(inputs.kernel) })}
        wanted={kernelWarns}
      >
        <LazyPart>
          <KernelPanel />
        </LazyPart>
      </Fold>
      <Fold id="table" headingId="table-heading" title={t.table.heading} wanted={pasteHoldsTable}>
        <LazyPart>
          <TablePanel />
        </LazyPart>
      </Fold>
      <Fold id="charts" headingId="charts-heading" title={t.charts.heading} wanted={false}>
        <LazyPart>
          <ChartsPanel />
        </LazyPart>
      </Fold>
      <Fold
        id="timeouts"
        headingId="timeouts-heading"
        title={t.timeouts.heading}
        wanted={timeoutsSet || byTraffic}
      >
        <LazyPart>
          <TimeoutsPanel />
        </LazyPart>
      </Fold>
      <Fold id="kubernetes" headingId="kube-heading" title={t.kube.heading} wanted={kubeSet || kubeRole}>
        <LazyPart>
          <KubePanel />
        </LazyPart>
      </Fold>
    </div>
  );
}

/** Each language's name in itself, as language switches show them. */
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: "English", "zh-CN": "简体中文" };

export function App() {
  const { t, locale } = useMessages();
  const notice = useCalcStore((state) => state.notice);
  const asked = initialLocale(useCalcStore((state) => state.lang));
  const updateReady = usePageStatus((state) => state.updateReady);
  const failedLocale = usePageStatus((state) => state.failedLocale);
  const localeFailed = failedLocale !== null && failedLocale === asked && failedLocale !== locale;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.meta.title;
    document.querySelector('meta[name="description"]')?.setAttribute("content", t.meta.description);
  }, [locale, t]);

  return (
    <>
      <header className="page-header">
        <div className="title-row">
          <h1>{t.header.title}</h1>
          <label className="language">
            <span>{t.header.language}</span>{" "}
            <select
              name="lang"
              value={locale}
              onChange={(event) => setLang(LOCALES.find((l) => l === event.currentTarget.value) ?? null)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p>
          <RichText text={t.header.lead} />{" "}
          <a href="#paste-heading" onClick={startFromMachine}>
            {t.header.startFromMachine}
          </a>
        </p>
      </header>
      {notice && (
        <p className="notice" role="status">
          {t.notice.unknownVersion({ current: URL_VERSION })}
        </p>
      )}
      {(updateReady || localeFailed) && (
        <div className="notice" role="status" data-testid="page-status">
          <p>
            {localeFailed
              ? t.status.localeFailed({ language: LANGUAGE_NAMES[failedLocale] })
              : t.status.updateReady}
          </p>
          <button type="button" onClick={reloadPage}>
            {t.status.reload}
          </button>
        </div>
      )}
      <main className="layout">
        <InputsForm />
        <div className="answer">
          <Results />
          <ConfigBlocks />
        </div>
        <Details />
      </main>
      <footer className="page-footer">
        <p>{t.footer}</p>
      </footer>
    </>
  );
}
