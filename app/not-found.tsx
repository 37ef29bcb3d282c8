export default function NotFound() {
  return (
    <div className="notice">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go to the <a href="/">overview</a> to see every dimension and partner.
      </p>
    </div>
  );
}
