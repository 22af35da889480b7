import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { DEFAULT_NO_GRADE, DEFAULT_PARK_SETTINGS, PARK_DOC_ID, type ParkDoc, type ParkSettings } from '../../../shared/park/park';

/** The settings as the admin sees them, each with its default where the park's record predates it. */
export function settingsView(s: Partial<ParkSettings> | undefined) {
  return { headScoring: s?.headScoring ?? DEFAULT_PARK_SETTINGS.headScoring, noGrade: { ...DEFAULT_NO_GRADE, ...s?.noGrade } };
}

export const status: Handler<'park', 'status'> = async (_input, ctx) => {
  const park = (await ctx.db.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID).get()).data;
  return { name: park?.name ?? null, setUp: park !== null };
};

export const saveSettings: Handler<'park', 'saveSettings'> = async ({ parkName, headScoring, noGrade }, ctx) => {
  const me = await ctx.member();
  return withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID);
    const park = (await ref.get()).data;
    if (!park) throw new AppError('NOT_FOUND', '园区尚未完成初始设置');
    const settings = { ...DEFAULT_PARK_SETTINGS, ...park.settings, headScoring, ...(noGrade ? { noGrade } : {}) };
    await ref.update({ data: { name: parkName, settings, updatedAt: ctx.now } });
    const text = `园区名称“${parkName}”；股室负责人由${headScoring === 'overseeing' ? '分管领导' : '任一班子成员'}评价`;
    await appendAudit(tx, {
      kind: 'park.settings',
      actor: me,
      at: ctx.now,
      subject: `park:${PARK_DOC_ID}`,
      reason: '',
      data: { parkName, headScoring, text },
    });
    return { parkName, settings: settingsView(settings) };
  });
};
