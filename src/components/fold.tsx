import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

/** Whether the enclosing fold is open; outside a fold, content is always shown. */
const FoldOpen = createContext(true);

/**
 * True once the enclosing fold has been open: for content too costly to draw unseen (the charts
 * load Recharts and draw two SVGs), which then stays drawn when the reader folds it again.
 */
export function useFoldOpened(): boolean {
  const open = useContext(FoldOpen);
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

interface FoldProps {
  /** The section's anchor: `#<id>` in the address opens it and scrolls to it. */
  readonly id: string;
  /** The heading's id, which the section inside names itself by. */
  readonly headingId: string;
  readonly title: ReactNode;
  /** Open it: it carries a warning, or the link set one of its fields. */
  readonly wanted: boolean;
  readonly children: ReactNode;
}

/**
 * A details section, folded until it matters: open from the start when `wanted` or named by the
 * address's fragment, and opened when `wanted` turns true (a preset or a paste set its fields);
 * the reader may fold it again. Folded, its content stays in the page, so its fields keep their
 * values and the link keeps them.
 */
export function Fold({ id, headingId, title, wanted, children }: FoldProps) {
  const [open, setOpen] = useState(() => wanted || window.location.hash === `#${id}`);
  const [wasWanted, setWasWanted] = useState(wanted);
  if (wanted !== wasWanted) {
    setWasWanted(wanted);
    if (wanted) setOpen(true);
  }
  const element = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    // The browser looked for the fragment before the app drew this section: scroll to it now.
    if (window.location.hash === `#${id}`) element.current?.scrollIntoView();
    const onHashChange = () => {
      if (window.location.hash === `#${id}`) setOpen(true);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [id]);

  return (
    <details
      ref={element}
      id={id}
      className="fold"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2 id={headingId}>{title}</h2>
      </summary>
      <FoldOpen.Provider value={open}>{children}</FoldOpen.Provider>
    </details>
  );
}
