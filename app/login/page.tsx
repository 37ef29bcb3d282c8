import type { Metadata } from 'next';
import { SignInForm } from '@/components/admin/sign-in-form';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '/admin';
  const user = await currentUser();
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {params.denied ? (
        <p className="notice" role="status">
          {user ? `Signed in as ${user.email} (${user.role.toLowerCase()}), which may not open that page.` : 'Sign in to open that page.'} Editing
          needs an editor or admin account.
        </p>
      ) : (
        <p className="lede">Editors and admins sign in to keep the figures, sources and events up to date. Reading needs no account.</p>
      )}
      <SignInForm next={next} />
    </div>
  );
}
