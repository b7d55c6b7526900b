// Plain paragraphs from stored text; blank lines separate paragraphs. No HTML is interpreted.
export function Prose({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
  return (
    <div className={className ?? 'space-y-3 leading-relaxed'}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
