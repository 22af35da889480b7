import { Button, Text, View } from '@tarojs/components';
import type { PlanView } from '../../../shared/imports/contract';
import { IMPORT_KIND_LABELS } from '../../../shared/imports/templates';
import { ProgressBar } from '../common/ui';

/** A problem as the office finds it in its file: 第3行 工号：… (row 0 is the file as a whole). */
function problemText(p: PlanView['problems'][number]): string {
  const where = p.row === 0 ? '整个文件' : `第${p.row}行`;
  return `${where}${p.column ? ` ${p.column}` : ''}：${p.message}`;
}

/**
 * What a file would change, before anything is written: rows read, adds / updates / unchanged, every problem (the
 * first IMPORT.problemsShown, and how many more), the changes; 确认导入 when it may be confirmed, then its progress
 * and 导入完成.
 */
export function Preview({ plan, applying, onConfirm }: { plan: PlanView; applying: boolean; onConfirm: () => void }) {
  const total = plan.adds + plan.updates;
  const done = plan.status === 'done';
  const hidden = plan.problemCount - plan.problems.length;
  const moreChanges = total - plan.changes.length;
  return (
    <View id='import-preview'>
      <View className='cells-title'>核对结果</View>
      <View className='cells' id='import-summary'>
        <View className='cell'>
          <View className='cell-bd'>
            <View className='preview-line'>读取 {plan.rows} 行</View>
            <View className='preview-line'>
              新增 <Text className='text-green'>{plan.adds}</Text> / 更新 <Text className='text-green'>{plan.updates}</Text> / 不变 {plan.unchanged}
            </View>
            {plan.problemCount > 0 && <View className='preview-line text-red'>发现 {plan.problemCount} 个问题，改正后才能导入</View>}
          </View>
        </View>
      </View>

      {plan.problemCount > 0 && (
        <View className='problems' id='import-problems'>
          <View className='problems-title'>请在 Excel 中改正以下问题，再重新选择文件：</View>
          {plan.problems.map((p, i) => (
            <View key={`${p.row}-${p.column ?? ''}-${i}`} className='problem' id={`import-problem-${i}`}>
              {problemText(p)}
            </View>
          ))}
          {hidden > 0 && (
            <View className='problem' id='import-problems-more'>
              还有 {hidden} 条问题未列出
            </View>
          )}
        </View>
      )}

      {plan.changes.length > 0 && (
        <>
          <View className='cells-title'>将要写入{IMPORT_KIND_LABELS[plan.kind]}的变化</View>
          <View id='import-changes'>
            {plan.changes.map((c, i) => (
              <View key={`${c.row}-${i}`} className='change-line' id={`import-change-${i}`}>
                <Text className={`tag ${c.op === 'add' ? 'tag-ok' : 'tag-blue'}`}>{c.op === 'add' ? '新增' : '更新'}</Text> {c.label}
                <Text className='small'>
                  {' '}
                  第{c.row}行{c.op === 'update' && c.fields.length > 0 ? `，改：${c.fields.join('、')}` : ''}
                </Text>
              </View>
            ))}
            {moreChanges > 0 && <View className='tips'>另有 {moreChanges} 条变化未列出</View>}
          </View>
        </>
      )}

      {plan.problemCount === 0 && total === 0 && (
        <View className='tips' id='import-nothing'>
          文件与名录一致，没有需要导入的变化。
        </View>
      )}

      {(applying || (plan.status === 'applying' && !done)) && (
        <View className='card' id='import-progress'>
          <View>
            已写入 {plan.applied} / {total}
          </View>
          <ProgressBar percent={total ? Math.floor((plan.applied / total) * 100) : 0} />
          {applying && <View className='small'>正在导入，请勿离开本页…</View>}
        </View>
      )}

      {done && (
        <View className='result-ok' id='import-done'>
          导入完成：新增 {plan.adds} 条，更新 {plan.updates} 条。
        </View>
      )}

      {plan.confirmable && !done && (
        <View className='btn-area'>
          <Button id='import-confirm' className='btn btn-primary' disabled={applying} onClick={onConfirm}>
            {applying ? '正在导入…' : plan.status === 'applying' ? '继续导入' : `确认导入（${total} 条）`}
          </Button>
        </View>
      )}
    </View>
  );
}
