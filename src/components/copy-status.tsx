import type { CopyStatus } from "./use-copy";

/** The polite live region that confirms a copy, or says what to do when the clipboard refused. */
export function CopyStatusText({
  status,
  copied,
  failed,
}: {
  status: CopyStatus;
  copied: string;
  failed: string;
}) {
  return (
    <span className="copy-status" role="status" aria-live="polite">
      {status === "copied" ? `✓ ${copied}` : status === "failed" ? failed : ""}
    </span>
  );
}
