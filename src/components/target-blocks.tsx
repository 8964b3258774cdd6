import type { TargetId } from "../domain/config/targets";
import type { TargetChoice } from "../domain/config/targets/target-field";
import { TARGET_BLOCKS } from "../i18n/parts/targets";
import { useMessages, usePart } from "../store/messages";
import { useInvalidBehind } from "../store/calc-store";
import { unavailableText } from "./messages";
import { useTargets } from "../store/targets";
import { ConfigBlock } from "./config-block";

/** The contract's test id of each target's block (docs/url.md). */
const TEST_IDS: Readonly<Record<TargetId, string>> = {
  ansible: "ansible-tasks",
  "ansible-host": "ansible-tasks-host",
  "cloud-init": "cloud-init-config",
  nixos: "nixos-config",
  talos: "talos-patch",
  prometheus: "prometheus-rules",
  "prometheus-host": "prometheus-rules-host",
  check: "check-command",
};

/**
 * The output each target's file belongs to: Ansible shows its task list for every host, then the
 * one with this page's values; the alerts the two rule files and the check script; the other tools
 * one file each.
 */
const CHOICE_OF: Readonly<Record<TargetId, Exclude<TargetChoice, "files">>> = {
  ansible: "ansible",
  "ansible-host": "ansible",
  "cloud-init": "cloud-init",
  nixos: "nixos",
  talos: "talos",
  prometheus: "alerts",
  "prometheus-host": "alerts",
  check: "alerts",
};

/**
 * The config as the tools that deploy it take it, and the alerts that watch the table: the blocks
 * of the output chosen are shown, the others stay in the page, hidden, so each is there to read
 * with its exact text. Loaded lazily: the renderers of these formats are not in the first download.
 */
export function TargetBlocks({ shown }: { shown: TargetChoice }) {
  const words = usePart(TARGET_BLOCKS);
  const targets = useTargets();
  const { t, locale } = useMessages();
  // The alerts also depend on their threshold; the tools' files do not.
  const invalidConfig = useInvalidBehind("config");
  const invalidAlerts = useInvalidBehind("targets");
  const unavailableFor = (choice: Exclude<TargetChoice, "files">) => {
    const invalid = choice === "alerts" ? invalidAlerts : invalidConfig;
    return unavailableText(t, locale, invalid);
  };
  return (
    <>
      {targets.map((file) => (
        <div
          key={file.id}
          id={`panel-${file.id}`}
          className="tab-panel"
          hidden={CHOICE_OF[file.id] !== shown}
        >
          <ConfigBlock
            unavailable={unavailableFor(CHOICE_OF[file.id])}
            block={{
              id: file.id,
              testId: TEST_IDS[file.id],
              ...words[file.id],
              path: null,
              text: file.text,
              fileName: file.fileName,
            }}
          />
        </div>
      ))}
    </>
  );
}
