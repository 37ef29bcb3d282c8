export function Notices({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="notice" role="status">
      <p>Some parts of the address were not understood and were left at their defaults:</p>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
