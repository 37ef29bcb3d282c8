import { withRole } from '@/lib/auth/route';
import { backupToCsvRows } from '@/lib/backup/backup';
import { backupForExport } from '@/lib/queries/admin';
import { writeCsv } from '@/lib/export/csv';
import { IMPORT_HEADER } from '@/lib/import/observations';

export const dynamic = 'force-dynamic';

/** /api/export/backup.json (everything, restorable) and /api/export/observations.csv (primary yearly figures, importable). */
export const GET = withRole('EDITOR', async (_request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  const stamp = new Date().toISOString().slice(0, 10);
  if (file === 'backup.json') {
    return new Response(JSON.stringify(await backupForExport(), null, 1), {
      headers: { 'Content-Type': 'application/json', 'Content-Disposition': `attachment; filename="atlas-backup-${stamp}.json"`, 'Cache-Control': 'no-store' },
    });
  }
  if (file === 'observations.csv') {
    const rows = backupToCsvRows(await backupForExport());
    return new Response(writeCsv(rows, IMPORT_HEADER), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="atlas-observations-${stamp}.csv"`, 'Cache-Control': 'no-store' },
    });
  }
  return Response.json({ error: `No export ${file}: try backup.json or observations.csv` }, { status: 404 });
});
