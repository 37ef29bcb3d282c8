'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { checkImportAction, commitImportAction, type ImportState } from '@/lib/actions/import-observations';

const empty: ImportState = { ok: false, message: '' };

/** Upload → check (with a preview and every error) → import: nothing is written before the last step. */
export function ImportForm() {
  const [checked, check, checking] = useActionState(checkImportAction, empty);
  const [committed, commit, committing] = useActionState(commitImportAction, empty);
  const report = checked.report;
  return (
    <>
      <form action={check} className="stack narrow">
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Check file'}
        </button>
      </form>
      {checking ? <progress aria-label="Checking the file" /> : null}
      <FormMessage state={checked} />
      {report && report.errors.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Rows to fix (nothing was written)</caption>
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
      {checked.ok && report?.preview?.length ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>Preview: the first {report.preview.length} of {report.rows} rows</caption>
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
          <form action={commit}>
            <input type="hidden" name="upload" value={checked.upload} />
            <input type="hidden" name="fileName" value={checked.fileName} />
            <button type="submit" disabled={committing || committed.ok}>
              {committing ? 'Importing…' : `Import ${report.rows} rows`}
            </button>
            {committing ? <progress aria-label="Importing" /> : null}
          </form>
        </>
      ) : null}
      <FormMessage state={committed} />
    </>
  );
}
