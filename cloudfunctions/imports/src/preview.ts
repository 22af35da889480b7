import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { loadDirectory, newRecordId } from '../../../server/park/directory';
import { AppError } from '../../../shared/common/errors';
import { dayOf } from '../../../shared/common/time';
import { cellText, planImport } from '../../../shared/imports/plan';
import { planDoc, viewOf, type PlanDoc } from './lib';
import { readWorkbook } from './xlsx';

/**
 * Reads the admin's uploaded file from storage (`imports/<memberId>/…`, their own upload only), works out what it
 * would change, keeps that as a plan and says so; nothing in the directory is written. The upload is deleted
 * once read: the plan keeps what the confirmation needs.
 */
export const preview: Handler<'imports', 'preview'> = async ({ kind, fileId }, ctx) => {
  const me = await ctx.member();
  if (!new RegExp(`^cloud://[^/]+/imports/${me._id}/[A-Za-z0-9_-]{1,64}\\.xlsx$`).test(fileId)) {
    // only a file this admin uploaded for importing (never a photo or an export someone else's link points at)
    throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件');
  }
  let bytes: Buffer;
  try {
    bytes = (await ctx.cloud.downloadFile({ fileID: fileId })).fileContent;
  } catch {
    throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件');
  }
  try {
    const sheet = await readWorkbook(bytes);
    const cells = sheet.map((row) => row.map((c) => cellText(c)));
    const dir = await loadDirectory(ctx.db, { projects: kind === 'projects' });
    const plan = planImport(kind, cells, dir, (p) => newRecordId(p, randomBytes), dayOf(ctx.now));
    const doc = planDoc(newRecordId('I', randomBytes), plan, cells, me._id, ctx.now);
    const { _id, ...fields } = doc;
    await ctx.db.collection<PlanDoc>(COLL.importPlans).doc(_id).set({ data: fields });
    return viewOf(doc);
  } finally {
    await ctx.cloud.deleteFile({ fileList: [fileId] }).catch(() => undefined);
  }
};
