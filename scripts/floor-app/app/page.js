export default function Page() {
  return (
    <main>
      <h1>Framework floor</h1>
      <p>A server-rendered page with one heading and this paragraph.</p>
    </main>
  );
}
