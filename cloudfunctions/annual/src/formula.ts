import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { appendAudit } from '../../../server/audit/log';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import type { AnnualFormula } from '../../../shared/annual/config';
import type { FormulaView } from '../../../shared/annual/contract';
import { formulaProblems } from '../../../shared/annual/formula';
import { stepProblem } from '../../../shared/annual/workflow';
import { loadFormula, loadYear, refuse, type FormulaDoc } from './lib';

function view(f: AnnualFormula, doc: Pick<FormulaDoc, 'updatedAt'> | null): FormulaView {
  return { ...f, saved: doc !== null, updatedAt: doc?.updatedAt ?? null };
}

export const formula: Handler<'annual', 'formula'> = async ({ year }, ctx) => {
  const { formula: f, doc } = await loadFormula(ctx.db, year);
  return view(f, doc);
};

/** A new version of the year's formula, while its results are a draft; the weights must add up. */
export const saveFormula: Handler<'annual', 'saveFormula'> = async ({ year, reason, ...fields }, ctx) => {
  const me = await ctx.member();
  const problems = formulaProblems({ year, ...fields });
  const first = problems[0];
  if (first)
    throw new AppError(
      'INVALID_INPUT',
      first.message,
      problems.map((p) => ({ path: p.path, message: p.message })),
    );
  const saved = await withTransaction(ctx.db, async (tx) => {
    const y = await loadYear(tx, year);
    refuse(stepProblem({ status: y.status, computed: y.runId !== null, publicUntil: y.publicUntil }, 'saveFormula', ctx.now));
    const ref = tx.collection<FormulaDoc>(COLL.annualFormulas).doc(String(year));
    const doc = (await ref.get()).data;
    const next: AnnualFormula = { year, ...fields, version: (doc?.current.version ?? 0) + 1 };
    const auditSeq = await appendAudit(tx, { kind: 'annual.formula', actor: me, at: ctx.now, subject: `annual:${year}`, reason, data: { ...next } });
    const data = { current: next, versions: [...(doc?.versions ?? []), next].slice(-50), updatedAt: ctx.now, updatedBy: me._id, auditSeq };
    await ref.set({ data });
    return { next, updatedAt: ctx.now };
  });
  return view(saved.next, saved);
};
