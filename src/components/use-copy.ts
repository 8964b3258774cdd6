import { useEffect, useRef, useState } from "react";

export type CopyStatus = "idle" | "copied" | "failed";

/** Copies text to the clipboard and reports the outcome for a few seconds. */
export function useCopy(): [CopyStatus, (text: string, onFailure?: () => void) => void] {
  const [status, setStatus] = useState<CopyStatus>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = (text: string, onFailure?: () => void) => {
    const report = (outcome: CopyStatus) => {
      if (outcome === "failed") onFailure?.();
      setStatus(outcome);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus("idle"), 3000);
    };
    // Browsers leave the clipboard out of pages not served over HTTPS or from localhost.
    if (!("clipboard" in navigator)) {
      report("failed");
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => report("copied"),
      () => report("failed"),
    );
  };
  return [status, copy];
}
