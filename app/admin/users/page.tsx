import type { Metadata } from 'next';
import { CreateUserForm, UserRow } from '@/components/admin/user-forms';
import { requirePageRole } from '@/lib/auth/session';
import { adminUsers } from '@/lib/queries/admin';

export const metadata: Metadata = { title: 'Users · Admin' };

export default async function UsersPage() {
  await requirePageRole('ADMIN', '/admin/users');
  const users = await adminUsers();
  return (
    <>
      <h1>Users</h1>
      <CreateUserForm />
      <div className="table-wrap">
        <table className="grid">
          <caption>Accounts: role, disabled, password reset (a change signs the user out everywhere)</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Disabled</th>
              <th scope="col">New password</th>
              <th scope="col">Save</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
