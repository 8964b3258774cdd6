import { useEffect } from "react";
import { LOCALES, type Locale } from "../domain/core/locale";
import { initialLocale, useMessages } from "../store/messages";
import { setLang, useCalcStore } from "../store/calc-store";
import { reloadPage, usePageStatus } from "../store/page-status";
import { URL_VERSION } from "../url/migrations";
import { ChartsPanel } from "./charts-panel";
import { ConfigBlocks } from "./config-blocks";
import { DiagnosticsPanel } from "./diagnostics-panel";
import { InputsForm } from "./inputs-form";
import { KernelPanel } from "./kernel-panel";
import { KubePanel } from "./kube-panel";
import { Results } from "./results";
import { RichText } from "./rich-text";
import { TimeoutsPanel } from "./timeouts-panel";
import { TrafficPanel } from "./traffic-panel";

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
          <RichText text={t.header.lead} /> <a href="#paste-heading">{t.header.startFromMachine}</a>
        </p>
      </header>
      {notice && (
        <p className="notice" role="status">
          {t.notice.unknownVersion({ given: notice.given, current: URL_VERSION })}
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
        <Results />
        <KernelPanel />
        <DiagnosticsPanel />
        <ChartsPanel />
        <TrafficPanel />
        <KubePanel />
        <TimeoutsPanel />
        <ConfigBlocks />
      </main>
      <footer className="page-footer">
        <p>{t.footer}</p>
      </footer>
    </>
  );
}
