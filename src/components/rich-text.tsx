import { Fragment } from "react";

/** Shows a message, with `backticked` parts as code. Text only: nothing is parsed as markup. */
export function RichText({ text }: { text: string }) {
  return (
    <>{text.split("`").map((part, index) => (index % 2 === 1 ? <Code key={index} text={part} /> : part))}</>
  );
}

/**
 * Code that a line breaks only where a reader expects: at its spaces, after a slash in a path
 * (`/etc/sysctl.d/` + `90-nf-conntrack.conf`) and after a dot in a dotted name without one
 * (`net.netfilter.` + `nf_conntrack_max`); never inside a name, not at its hyphens nor, on a narrow
 * screen, anywhere at all ("nf_conntrack_" + "max"). Each piece between those points is kept
 * whole; the text, and so what is copied, is the code unchanged.
 */
export function Code({ text }: { text: string }) {
  const after = text.includes("/") ? "/" : ".";
  return (
    <code>
      {text.split(/( +)/).map((word, index) =>
        index % 2 === 1 || word === "" ? (
          word
        ) : (
          <Fragment key={index}>
            {word.split(new RegExp(`(?<=\\${after})(?=.)`)).map((piece, at) => (
              <Fragment key={at}>
                {at > 0 && <wbr />}
                <span className="code-piece">{piece}</span>
              </Fragment>
            ))}
          </Fragment>
        ),
      )}
    </code>
  );
}
