'use client';

import { useState, type FormEvent } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import type { ImportProgress } from '@/lib/import/observations';
import type { ImportOutcome } from '@/lib/import/uploads';

type Progress = { phase: 'uploading' | ImportProgress['phase']; fraction: number; rows?: number };
type Line = ({ type: 'progress' } & ImportProgress) | ({ type: 'done' } & ImportOutcome) | { type: 'error'; message: string };

const empty: ImportOutcome = { ok: false, message: '' };
const PHASES = { uploading: 'Uploading', checking: 'Checking', writing: 'Importing' } as const;

/**
 * Sends a request to /api/import and follows it: upload progress from the browser, then the server's progress
 * lines (newline-delimited JSON) as they arrive, then its final answer.
 */
function follow(url: string, body: Blob | string, onProgress: (p: Progress) => void): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let outcome: ImportOutcome | undefined;
    const read = () => {
      const text = xhr.responseText;
      let end = text.indexOf('\n', seen);
      while (end !== -1) {
        const line = text.slice(seen, end);
        seen = end + 1;
        end = text.indexOf('\n', seen);
        if (!line.trim()) continue;
        let message: Line;
        try {
          message = JSON.parse(line) as Line;
        } catch {
          continue;
        }
        if (message.type === 'progress') onProgress({ phase: message.phase, fraction: message.fraction, rows: message.rows });
        else if (message.type === 'done') outcome = message;
        else outcome = { ok: false, message: message.message };
      }
    };
    xhr.open('POST', url);
    if (typeof body === 'string') xhr.setRequestHeader('content-type', 'application/json');
    else xhr.setRequestHeader('content-type', 'text/csv');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'uploading', fraction: e.loaded / e.total });
    };
    xhr.onprogress = read;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let error = `The server answered ${xhr.status}.`;
        try {
          error = (JSON.parse(xhr.responseText) as { error?: string }).error ?? error;
        } catch {}
        resolve({ ok: false, message: xhr.status === 401 ? 'Your session has ended: sign in again.' : error });
        return;
      }
      read();
      resolve(outcome ?? { ok: false, message: 'The answer was cut short: check the file again.' });
    };
    xhr.onerror = () => resolve({ ok: false, message: 'The connection was lost: nothing was imported unless the audit log says so. Try again.' });
    xhr.send(body);
  });
}

export type ConceptOption = { slug: string; name: string; unit: string; dimension: string; scored: boolean };

const choiceLabel = (c: ConceptOption) => `${c.name} (${c.slug}, ${c.unit})`;

/**
 * Upload → map the file's unknown indicators onto concepts (suggestions preselected) → check (with a preview and
 * every error) → import: nothing is written before the last step.
 */
export function ImportForm({ concepts }: { concepts: ConceptOption[] }) {
  const [checked, setChecked] = useState<ImportOutcome>(empty);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [proposals, setProposals] = useState<NonNullable<NonNullable<ImportOutcome['report']>['mapping']>>([]);
  const [committed, setCommitted] = useState<ImportOutcome>(empty);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const report = checked.report;

  const onCheck = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return setChecked({ ok: false, message: 'Choose a CSV file.' });
    if (file.size === 0) return setChecked({ ok: false, message: 'The file is empty.' });
    setBusy('check');
    setCommitted(empty);
    setChecked(empty);
    setProgress({ phase: 'uploading', fraction: 0 });
    setMapping(null);
    setProposals([]);
    const outcome = await follow(`/api/import?step=check&name=${encodeURIComponent(file.name)}`, file, setProgress);
    if (outcome.needsMapping && outcome.report?.mapping) {
      setProposals(outcome.report.mapping);
      setMapping(Object.fromEntries(outcome.report.mapping.map((p) => [p.indicator, p.suggestion ?? 'new'])));
      setChecked({ ...outcome, report: undefined });
    } else setChecked(outcome);
    setProgress(null);
    setBusy(null);
  };

  const onMap = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy('check');
    setCommitted(empty);
    setProgress({ phase: 'checking', fraction: 0 });
    const outcome = await follow('/api/import?step=check', JSON.stringify({ upload: checked.upload, fileName: checked.fileName, mapping }), setProgress);
    setChecked({ ...outcome, upload: outcome.upload ?? checked.upload });
    setProgress(null);
    setBusy(null);
  };

  const onCommit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy('commit');
    setProgress({ phase: 'writing', fraction: 0, rows: 0 });
    const outcome = await follow('/api/import?step=commit', JSON.stringify({ upload: checked.upload, fileName: checked.fileName, ...(mapping ? { mapping } : {}) }), setProgress);
    setCommitted(outcome);
    setProgress(null);
    setBusy(null);
  };

  return (
    <>
      <form onSubmit={(e) => void onCheck(e)} className="stack narrow">
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
        <button type="submit" disabled={busy !== null}>
          {busy === 'check' ? 'Checking…' : 'Check file'}
        </button>
      </form>
      {progress ? (
        <div className="import-progress">
          <progress value={progress.fraction} max={1} aria-label={`${PHASES[progress.phase]} the file`} />
          <p role="status" aria-live="polite">
            {PHASES[progress.phase]}: {Math.floor(progress.fraction * 100)}%{progress.rows !== undefined ? ` (${progress.rows.toLocaleString('en-GB')} rows)` : ''}
          </p>
        </div>
      ) : null}
      <FormMessage state={checked} />
      {mapping && proposals.length > 0 ? (
        <form onSubmit={(e) => void onMap(e)} className="stack" aria-label="Map the file's indicators">
          <div className="table-wrap">
            <table>
              <caption>Map the file&apos;s indicators onto the atlas&apos;s concepts (a mapped indicator is scored like its concept)</caption>
              <thead>
                <tr>
                  {['Indicator in the file', 'Dimension', 'Units', 'Rows', 'Suggested concept', 'Maps to'].map((h) => (
                    <th scope="col" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {proposals.map((p) => {
                  const suggested = concepts.find((c) => c.slug === p.suggestion);
                  return (
                    <tr key={p.indicator}>
                      <th scope="row">{p.name}</th>
                      <td>{p.dimension}</td>
                      <td>{p.units.join(', ')}</td>
                      <td className="num">{p.rows}</td>
                      <td>{suggested ? choiceLabel(suggested) : 'none fits'}</td>
                      <td>
                        <select
                          aria-label={`Map ${p.name} to`}
                          name={`map.${p.indicator}`}
                          value={mapping[p.indicator] ?? 'new'}
                          onChange={(e) => setMapping({ ...mapping, [p.indicator]: e.target.value })}
                        >
                          {suggested ? <option value={suggested.slug}>Suggested: {choiceLabel(suggested)}</option> : null}
                          <option value="new">A new unscored indicator</option>
                          <option value="skip">Skip these rows</option>
                          <optgroup label="Another concept">
                            {concepts
                              .filter((c) => c.slug !== p.suggestion)
                              .map((c) => (
                                <option key={c.slug} value={c.slug}>
                                  {c.dimension}: {choiceLabel(c)}
                                  {c.scored ? '' : ' · unscored'}
                                </option>
                              ))}
                          </optgroup>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button type="submit" disabled={busy !== null}>
            {busy === 'check' ? 'Checking…' : 'Check with this mapping'}
          </button>
        </form>
      ) : null}
      {report && report.errors.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>
              Rows to fix (nothing was written){report.errorCount > report.errors.length ? `: the first ${report.errors.length} of ${report.errorCount}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.slice(0, 200).map((e) => (
                <tr key={`${e.line}-${e.message}`}>
                  <td>{e.line}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {checked.ok && report?.eventPreview?.length ? (
        <div className="table-wrap">
          <table>
            <caption>
              Preview: the first {report.eventPreview.length} of {report.rows} events
            </caption>
            <thead>
              <tr>
                {['Line', 'Date', 'End', 'Title', 'Focal country', 'Partner', 'Dimension', 'Source'].map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.eventPreview.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.date}</td>
                  <td>{r.end_date}</td>
                  <td>{r.title}</td>
                  <td>{r.reporter}</td>
                  <td>{r.partner}</td>
                  <td>{r.dimension}</td>
                  <td>{r.source_title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {checked.ok && report && (report.preview?.length || report.eventPreview?.length) ? (
        <>
          {report.mapping?.length ? (
            <ul className="mapping-summary" aria-label="Mapping used">
              {report.mapping.map((p) => (
                <li key={p.indicator}>
                  {p.name} → {p.choice === 'new' ? 'a new unscored indicator' : p.choice === 'skip' ? 'skipped' : p.choice}
                </li>
              ))}
            </ul>
          ) : null}
          {report.preview?.length ? (
          <div className="table-wrap">
            <table>
              <caption>
                Preview: the first {report.preview.length} of {report.rows} rows
              </caption>
              <thead>
                <tr>
                  {['Line', 'Dimension', 'Indicator', 'Unit', 'Reporter', 'Partner', 'Year', 'Value', 'Source'].map((h) => (
                    <th scope="col" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.preview.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.dimension}</td>
                    <td>{r.indicator}</td>
                    <td>{r.unit}</td>
                    <td>{r.reporter}</td>
                    <td>{r.partner}</td>
                    <td>{r.year}</td>
                    <td>{r.value}</td>
                    <td>{r.source_title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          ) : null}
          <form onSubmit={(e) => void onCommit(e)}>
            <input type="hidden" name="upload" value={checked.upload} />
            <input type="hidden" name="fileName" value={checked.fileName} />
            <button type="submit" disabled={busy !== null || committed.ok}>
              {busy === 'commit' ? 'Importing…' : `Import ${report.rows - (report.skipped ?? 0)} ${report.kind === 'events' ? 'events' : 'rows'}`}
            </button>
          </form>
        </>
      ) : null}
      <FormMessage state={committed} />
    </>
  );
}
