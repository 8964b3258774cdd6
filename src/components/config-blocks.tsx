import { lazy, useRef, type KeyboardEvent } from "react";
import { downloadName, SETUP_SCRIPT_NAME, SYSCTL_FILE_NAME } from "../domain/config/config-files";
import { TARGET_CHOICES } from "../domain/config/targets/target-field";
import { useMessages } from "../store/messages";
import { useCalcStore, useFieldIssues, useInvalidBehind } from "../store/calc-store";
import { unavailableText } from "./messages";
import { useConfigFiles } from "../store/config";
import { useOutputTarget } from "../store/extras";
import { shareLink } from "../store/link";
import { chooseTab, useViewStore, type ConfigTab } from "../store/view";
import { ConfigBlock, download, type Block } from "./config-block";
import { CopyStatusText } from "./copy-status";
import { ChoiceSelect, Field } from "./field";
import { LazyPart } from "./load-boundary";
import { useCopy } from "./use-copy";

const TargetBlocks = lazy(() =>
  import("./target-blocks").then((module) => ({ default: module.TargetBlocks })),
);

const TABS: readonly ConfigTab[] = ["sysctl", "modules-load", "modprobe", "apply", "script"];

const TEST_IDS: Readonly<Record<ConfigTab, string>> = {
  sysctl: "sysctl-snippet",
  "modules-load": "modules-load-snippet",
  modprobe: "modprobe-snippet",
  apply: "apply-commands",
  script: "setup-script",
};

/**
 * The config for this kernel. As plain files it is a set of tabs (WAI-ARIA tabs pattern: arrow
 * keys, Home and End move between tabs, selection follows focus), the one that matters most for
 * the kernel first: the sysctl.d drop-in, or the setup script where the bucket count also needs
 * the module option. "Write it for" shows the same values for a tool that deploys them, or the
 * alerts with their threshold. Every block stays in the page, hidden when not shown, so each
 * block's text is there to read.
 */
export function ConfigBlocks() {
  const { t, locale } = useMessages();
  const { files, script, first } = useConfigFiles();
  const raw = useCalcStore((state) => state.raw);
  const issues = useFieldIssues();
  const invalid = useInvalidBehind("config");
  const unavailable = unavailableText(t, locale, invalid);
  const lang = useCalcStore((state) => state.lang);
  const chosen = useViewStore((state) => state.tab);
  const [linkStatus, copyLink] = useCopy();
  const tabs = useRef<Partial<Record<ConfigTab, HTMLButtonElement | null>>>({});
  const selected = chosen ?? first;
  const target = useOutputTarget();
  const asFiles = target === "files";
  const sysctl = files.find((file) => file.id === "sysctl");

  const blocks: Block[] = [
    ...files.map((file) => ({
      id: file.id,
      testId: TEST_IDS[file.id],
      ...t.config.blocks[file.id],
      path: file.path,
      text: file.text,
      fileName: file.id === "sysctl" ? null : downloadName(file),
    })),
    { id: "script", testId: TEST_IDS.script, ...t.config.script, path: null, text: script, fileName: null },
  ];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(selected);
    const next =
      event.key === "ArrowRight"
        ? TABS[(index + 1) % TABS.length]
        : event.key === "ArrowLeft"
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === "Home"
            ? TABS[0]
            : event.key === "End"
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    chooseTab(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="config" aria-labelledby="config-heading">
      <div className="config-head">
        <h2 id="config-heading">{t.config.heading}</h2>
        <Field name="target" issue={issues.target} inline>
          {(control) => (
            <ChoiceSelect
              control={control}
              invalid={issues.target !== undefined}
              choices={TARGET_CHOICES.map((choice) => ({ value: choice, label: t.config.targets[choice] }))}
            />
          )}
        </Field>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={unavailable !== null}
          onClick={() => download(script, SETUP_SCRIPT_NAME)}
        >
          {t.config.downloadAll({ name: SETUP_SCRIPT_NAME })}
        </button>
        {sysctl && (
          <button
            type="button"
            disabled={unavailable !== null}
            onClick={() => download(sysctl.text, SYSCTL_FILE_NAME)}
          >
            {t.config.download({ name: SYSCTL_FILE_NAME })}
          </button>
        )}
        <button type="button" onClick={() => copyLink(shareLink(raw, lang))}>
          {t.config.copyLink}
        </button>
        <CopyStatusText status={linkStatus} copied={t.config.linkCopied} failed={t.config.copyFailedLink} />
      </div>
      {unavailable !== null && (
        <p className="answer-invalid" role="alert" data-testid="config-invalid">
          {unavailable}
        </p>
      )}
      {asFiles && first === "script" && chosen === null && (
        <p className="block-why">{t.config.scriptFirst}</p>
      )}
      <div
        className="tabs"
        role="tablist"
        aria-label={t.config.tabsLabel}
        onKeyDown={onKeyDown}
        hidden={!asFiles}
      >
        {TABS.map((id) => (
          <button
            key={id}
            ref={(button) => {
              tabs.current[id] = button;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={id === selected}
            aria-controls={`panel-${id}`}
            tabIndex={id === selected ? 0 : -1}
            className="tab"
            onClick={() => chooseTab(id)}
          >
            {t.config.tabs[id]}
          </button>
        ))}
      </div>
      {blocks.map((block) => (
        <div
          key={block.id}
          role="tabpanel"
          id={`panel-${block.id}`}
          aria-labelledby={`tab-${block.id}`}
          hidden={!asFiles || block.id !== selected}
          className="tab-panel"
        >
          <ConfigBlock block={block} unavailable={unavailable} />
        </div>
      ))}
      <div className="alert-field" hidden={target !== "alerts"}>
        <Field name="alert" issue={issues.alert}>
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" />}
        </Field>
      </div>
      <LazyPart>
        <TargetBlocks shown={target} />
      </LazyPart>
      <p className="block-why">{t.config.commentsNote}</p>
    </section>
  );
}
