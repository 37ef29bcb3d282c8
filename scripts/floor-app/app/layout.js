// The framework floor for `npm run bench`: an App Router page with no data, no client component and no CSS, built by
// the same Next.js and React as the app. Its first-load JavaScript and Lighthouse figures are what any page of this
// stack costs; the bench measures them in the same run as the app's pages.
export const metadata = { title: 'Framework floor' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
