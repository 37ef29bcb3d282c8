'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { initialState } from '@/lib/actions/authorized-state';
import { createUserAction, updateUserAction } from '@/lib/actions/manage-users';

const ROLE_OPTIONS = [
  ['VIEWER', 'viewer'],
  ['EDITOR', 'editor'],
  ['ADMIN', 'admin'],
] as const;

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, initialState);
  return (
    <form action={action} className="filters" aria-label="Add a user">
      <label>
        Email <input name="email" type="email" required />
      </label>
      <label>
        Name <input name="name" type="text" />
      </label>
      <label>
        Role{' '}
        <select name="role" defaultValue="EDITOR">
          {ROLE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending}>
        Add user
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function UserRow({ user }: { user: { id: number; email: string; role: string; disabled: boolean } }) {
  const [state, action, pending] = useActionState(updateUserAction, initialState);
  const formId = `user-${user.id}`;
  return (
    <tr>
      <th scope="row">{user.email}</th>
      <td>
        <select form={formId} name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`}>
          {ROLE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input form={formId} type="checkbox" name="disabled" value="on" defaultChecked={user.disabled} aria-label={`Disable ${user.email}`} />
      </td>
      <td>
        <input form={formId} type="password" name="password" autoComplete="new-password" placeholder="leave empty to keep" aria-label={`New password for ${user.email}`} />
      </td>
      <td>
        <form id={formId} action={action}>
          <input type="hidden" name="id" value={user.id} />
          <button type="submit" disabled={pending} aria-label={`Save ${user.email}`}>
            Save
          </button>
        </form>
        <FormMessage state={state} />
      </td>
    </tr>
  );
}
