import { randomBytes } from 'crypto';
import writeXlsxFile from 'write-excel-file/node';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import type { Handler } from '../../../server/common/router';
import { HEAD_ID, type HeadDoc } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import { aboutRows, cadreRows, sectionRows, type Cell } from '../../../shared/annual/export';
import { STATUS_LABELS } from '../../../shared/annual/workflow';
import { fingerprintText } from '../../../shared/audit/chain';
import { parkTimeText } from '../../../shared/common/time';
import { AppError } from '../../../shared/common/errors';
import { gradesOf, loadFormula, loadYear, rankedSections, runResults } from './lib';

/**
 * Plain values as the library's cells: numbers as numbers (so a spreadsheet sums them), the rest as text; the
 * header row bold, or (`labels`) the first column.
 */
function sheet(rows: Cell[][], labels = false) {
  return rows.map((r, i) =>
    r.map((v, j) =>
      v === null
        ? null
        : typeof v === 'number'
          ? { type: Number, value: v }
          : { type: String, value: v, fontWeight: (labels ? j === 0 : i === 0) ? ('bold' as const) : undefined },
    ),
  );
}

/**
 * The year's results for promotion files, as an xlsx file in storage (`exports/annual/…`, read by nobody but
 * through the link this returns): cadres in ranking order with each source, deductions, total and grades; or the
 * sections. Leaders and the admin only (shared/access.ts).
 */
export const exportResults: Handler<'annual', 'export'> = async ({ year, kind }, ctx) => {
  const me = await ctx.member();
  const y = await loadYear(ctx.db, year);
  if (!y.runId) throw new AppError('NOT_READY', `${year}年度考核结果尚未计算`);
  const [docs, { formula }] = await Promise.all([runResults(ctx.db, y), loadFormula(ctx.db, year)]);
  const grades = gradesOf(docs, y);
  const rows =
    kind === 'cadres'
      ? cadreRows(
          docs
            .flatMap((d) =>
              d.members.map((m) => ({
                rank: m.rank,
                name: m.score.name,
                sectionName: d.sectionName,
                sectionRank: m.sectionRank,
                sources: m.score.sources,
                deductions: m.score.deductions,
                total: m.score.total,
                proposed: m.proposal.grade,
                grade: grades.get(m.score.memberId) ?? m.proposal.grade,
              })),
            )
            .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN')),
        )
      : sectionRows(rankedSections(docs, formula));
  const head = (await ctx.db.collection<HeadDoc>(COLL.auditHead).doc(HEAD_ID).get()).data;
  const about = aboutRows({
    madeAt: parkTimeText(ctx.now),
    madeBy: me.name,
    status: STATUS_LABELS[y.status],
    fingerprint: head ? fingerprintText(head) : null,
  });
  const buffer = await writeXlsxFile([sheet(rows), sheet(about, true)] as never, {
    buffer: true,
    sheets: [kind === 'cadres' ? '干部' : '股室', '说明'],
  });
  const fileName = `${year}年度考核结果（${kind === 'cadres' ? '干部' : '股室'}）.xlsx`;
  const cloudPath = `exports/annual/${year}/${kind}-${me._id}-${randomBytes(6).toString('hex')}.xlsx`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx.cloud, [fileID], LINK_SECONDS.export)).get(fileID) ?? '';
  return { fileName, url, rows: rows.length - 1 };
};
