import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import type { Ctx } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { calendarAround, yearCalendar } from '../../../server/park/calendar';
import { recountDeadlines, withDerived, type AppealDoc } from '../../../shared/appeals/appeal';
import type { YearDoc } from '../../annual/src/lib';
import { AppError } from '../../../shared/common/errors';
import { yearCalendarProblem } from '../../../shared/common/workdays';
import type { CalendarView } from '../../../shared/park/contract';
import type { CalendarDoc } from '../../../shared/park/park';

export const calendar: Handler<'park', 'calendar'> = async ({ year }, ctx): Promise<CalendarView> => {
  const y = await yearCalendar(ctx.db, year);
  return { year, offDays: y.offDays, makeUpDays: y.makeUpDays, source: y.source };
};

/** The admin enters a year from the State Council's notice; it replaces the library's table for that year. */
export const saveCalendar: Handler<'park', 'saveCalendar'> = async ({ year, offDays, makeUpDays }, ctx): Promise<CalendarView> => {
  const me = await ctx.member();
  const off = [...new Set(offDays)].sort();
  const on = [...new Set(makeUpDays)].sort();
  const problem = yearCalendarProblem({ year, offDays: off, makeUpDays: on });
  if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'offDays', message: problem }]);
  const doc: Omit<CalendarDoc, '_id'> = { year, offDays: off, makeUpDays: on, updatedAt: ctx.now, updatedBy: me._id };
  await ctx.db.collection<CalendarDoc>(COLL.calendars).doc(String(year)).set({ data: doc });
  const recounted = await recount(ctx, year);
  return { year, offDays: off, makeUpDays: on, source: 'admin', recounted };
};

/**
 * The deadlines counted before the year was entered (暂按法定节假日推算) counted again with it: open appeals' and the
 * annual 公示 and review periods. Each record is read and written in one transaction, so a step taken meanwhile is
 * not overwritten; a deadline still running through a year not entered stays provisional.
 */
async function recount(ctx: Ctx, year: number): Promise<number> {
  const cal = await calendarAround(ctx.db, year);
  const _ = ctx.db.command;
  const [appeals, years] = await Promise.all([
    allPages<AppealDoc>((skip, limit) =>
      ctx.db
        .collection<AppealDoc>(COLL.appeals)
        .where({ provisional: _.exists(true) })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(limit)
        .get(),
    ),
    allPages<YearDoc>((skip, limit) =>
      ctx.db
        .collection<YearDoc>(COLL.annualYears)
        .where({ provisional: _.exists(true) })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(limit)
        .get(),
    ),
  ]);
  for (const { _id } of appeals) {
    await withTransaction(ctx.db, async (tx) => {
      const ref = tx.collection<AppealDoc>(COLL.appeals).doc(_id);
      const a = (await ref.get()).data;
      const change = a && recountDeadlines(a, cal);
      if (!a || !change) return;
      const { _id: _ignored, ...data } = withDerived({ ...a, ...change });
      await ref.set({ data });
    });
  }
  for (const { _id } of years) {
    await withTransaction(ctx.db, async (tx) => {
      const ref = tx.collection<YearDoc>(COLL.annualYears).doc(_id);
      const y = (await ref.get()).data;
      if (!y?.provisional) return;
      const patch: Partial<YearDoc> = {};
      const still: NonNullable<YearDoc['provisional']> = {};
      for (const [k, p] of Object.entries(y.provisional) as [keyof NonNullable<YearDoc['provisional']>, { from: number; workdays: number }][]) {
        patch[k] = cal.deadline(p.from, p.workdays);
        if (cal.provisional(p.from, patch[k] ?? 0)) still[k] = p;
      }
      await ref.update({ data: { ...patch, provisional: _.set(still) } });
    });
  }
  return appeals.length + years.length;
}
