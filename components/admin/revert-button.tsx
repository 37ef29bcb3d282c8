'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { initialState } from '@/lib/actions/authorized-state';
import { revertObservationAction } from '@/lib/actions/revert-observation';

export function RevertButton({ auditId, label }: { auditId: number; label: string }) {
  const [state, revert, pending] = useActionState(revertObservationAction, initialState);
  return (
    <form action={revert}>
      <input type="hidden" name="auditId" value={auditId} />
      <button type="submit" disabled={pending} aria-label={label}>
        Revert to before this change
      </button>
      <FormMessage state={state} />
    </form>
  );
}
