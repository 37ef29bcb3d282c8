'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { useKeptForm } from '@/components/admin/use-kept-form';
import { initialState } from '@/lib/actions/authorized-state';
import { createSourceAction, deleteSourceAction, updateSourceAction } from '@/lib/actions/manage-sources';

export type SourceFields = {
  id: number;
  version: number;
  title: string;
  publisher: string;
  url: string;
  publishedOn: string;
  accessedOn: string;
  excerpt: string;
  uses: number;
};

/** Inline editors name each field after their record; the add form's visible labels suffice. */
const named = (field: string, label: string) => (label ? { 'aria-label': `${field}${label}` } : {});

function Fields({ source, label }: { source?: SourceFields; label: string }) {
  return (
    <>
      <label>
        Title <input name="title" defaultValue={source?.title} required minLength={2} maxLength={500} {...named('Title', label)} />
      </label>
      <label>
        Publisher <input name="publisher" defaultValue={source?.publisher} maxLength={200} {...named('Publisher', label)} />
      </label>
      <label>
        Address (http or https) <input name="url" type="url" defaultValue={source?.url} maxLength={2000} {...named('Address', label)} />
      </label>
      <label>
        Published on <input name="publishedOn" type="date" defaultValue={source?.publishedOn} {...named('Published on', label)} />
      </label>
      <label>
        Accessed on <input name="accessedOn" type="date" defaultValue={source?.accessedOn} {...named('Accessed on', label)} />
      </label>
      <label>
        Excerpt (the passage that supports the figure) <textarea name="excerpt" defaultValue={source?.excerpt} rows={3} maxLength={2000} {...named('Excerpt', label)} />
      </label>
    </>
  );
}

export function AddSourceForm() {
  const [state, actionForm, pending] = useKeptForm(createSourceAction, { resetOnSuccess: true });
  return (
    <details className="methodology">
      <summary>Add a source</summary>
      <form {...actionForm} className="stack" aria-label="Add a source">
        <Fields label="" />
        <button type="submit" disabled={pending}>
          Add source
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

export function SourceEditor({ source }: { source: SourceFields }) {
  const [state, saveForm, saving] = useKeptForm(updateSourceAction);
  const [deleted, remove, removing] = useActionState(deleteSourceAction, initialState);
  const label = ` of source #${source.id}`;
  return (
    <details className="methodology">
      <summary>
        #{source.id} {source.title} <span className="meta">({source.publisher || 'no publisher'}; cited {source.uses}×)</span>
      </summary>
      <form {...saveForm} className="stack" aria-label={`Edit source #${source.id}`}>
        <input type="hidden" name="id" value={source.id} />
        <input type="hidden" name="version" value={source.version} />
        <Fields source={source} label={label} />
        <button type="submit" disabled={saving}>
          Save source
        </button>
        <FormMessage state={state} />
      </form>
      <form action={remove} className="filters" aria-label={`Delete source #${source.id}`}>
        <input type="hidden" name="id" value={source.id} />
        <input type="hidden" name="version" value={source.version} />
        <label>
          Reason <input name="reason" required minLength={3} aria-label={`Reason to delete source #${source.id}`} />
        </label>
        <button type="submit" disabled={removing || source.uses > 0} title={source.uses > 0 ? 'Cited: point its figures and events elsewhere first' : undefined}>
          Delete source
        </button>
        <FormMessage state={deleted} />
      </form>
    </details>
  );
}
