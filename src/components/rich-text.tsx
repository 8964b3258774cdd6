/** Shows a message, with `backticked` parts as code. Text only: nothing is parsed as markup. */
export function RichText({ text }: { text: string }) {
  return (
    <>{text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
  );
}
