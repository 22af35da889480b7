import { Input, Switch, Text, View } from '@tarojs/components';
import { DEFAULT_DIMENSIONS, GRADE_LABELS, GRADES } from '../../../../shared/votes/config';
import { CreateError } from './CreateError';
import { NumberCell } from './NumberCell';
import { CUT_KEYS, type Category, type Settings } from './settings';
import { WhenCell } from './WhenCell';

/** 高级设置 open: every weight, the scale, the counting rules, the grade lines and the schedule, to be changed. */
export function AdvancedSettings({
  settings: s,
  update,
  kindCategories,
  errors,
}: {
  settings: Settings;
  /** Change some settings, from the latest ones. */
  update: (change: (s: Settings) => Partial<Settings>) => void;
  kindCategories: Category[];
  errors: Record<string, string>;
}) {
  const share = (id: string, label: string, key: keyof Settings['shares']) => (
    <NumberCell
      id={id}
      label={label}
      value={s.shares[key]}
      onInput={(v) => update((x) => ({ shares: { ...x.shares, [key]: v } }))}
      unit='%'
      field={`rules.${key}`}
      errors={errors}
    />
  );
  const count = (id: string, label: string, key: keyof Settings['counts']) => (
    <NumberCell
      id={id}
      label={label}
      value={s.counts[key]}
      onInput={(v) => update((x) => ({ counts: { ...x.counts, [key]: v } }))}
      unit='人'
      field={`rules.${key}`}
      errors={errors}
    />
  );
  return (
    <View id='create-settings'>
      <View className='cells-title'>评价项目权重（%）</View>
      <View className='cells'>
        {DEFAULT_DIMENSIONS.map((d, i) => (
          <View key={d.key}>
            <NumberCell
              id={`create-dim-${d.key}`}
              label={d.label}
              value={s.dimW[i] ?? ''}
              onInput={(v) => update((x) => ({ dimW: x.dimW.map((y, j) => (j === i ? v : y)) }))}
              unit='%'
              field={`dimensions.${i}.weight`}
              errors={errors}
            />
          </View>
        ))}
      </View>
      <CreateError errors={errors} field='dimensions' />

      <View className='cells-title'>投票人类别权重（%）</View>
      <View className='cells'>
        {kindCategories.map((k, i) => (
          <View key={k.key}>
            <NumberCell
              id={`create-cat-${k.key}`}
              label={k.label}
              value={s.catW[k.key] ?? ''}
              onInput={(v) => update((x) => ({ catW: { ...x.catW, [k.key]: v } }))}
              unit='%'
              field={`categories.${i}.weight`}
              errors={errors}
            />
          </View>
        ))}
      </View>
      <CreateError errors={errors} field='categories' />

      <View className='cells-title'>评价方式</View>
      <View className='cells'>
        <View className='cell'>
          <View className='seg' id='create-scale'>
            <View
              className={`seg-item${s.scaleType === 'grades' ? ' seg-on' : ''}`}
              id='create-scale-grades'
              onClick={() => update(() => ({ scaleType: 'grades' }))}
            >
              四档等次
            </View>
            <View
              className={`seg-item${s.scaleType === 'points' ? ' seg-on' : ''}`}
              id='create-scale-points'
              onClick={() => update(() => ({ scaleType: 'points' }))}
            >
              百分制打分
            </View>
          </View>
        </View>
        {s.scaleType === 'grades' &&
          GRADES.map((g) => (
            <View key={g}>
              <NumberCell
                id={`create-points-${g}`}
                label={GRADE_LABELS[g]}
                value={s.gradePts[g]}
                onInput={(v) => update((x) => ({ gradePts: { ...x.gradePts, [g]: v } }))}
                unit='分'
                field={`scale.points.${g}`}
                errors={errors}
              />
            </View>
          ))}
        {s.scaleType === 'points' && (
          <>
            <NumberCell
              id='create-points-min'
              label='最低分'
              value={s.ptsMin}
              onInput={(v) => update(() => ({ ptsMin: v }))}
              unit='分'
              field='scale.min'
              errors={errors}
            />
            <NumberCell
              id='create-points-max'
              label='最高分'
              value={s.ptsMax}
              onInput={(v) => update(() => ({ ptsMax: v }))}
              unit='分'
              field='scale.max'
              errors={errors}
            />
          </>
        )}
      </View>
      <CreateError errors={errors} field='scale' />

      <View className='cells-title'>计票规则</View>
      <View className='cells'>
        {share('create-excellent-share', '每票“优秀”上限（测评对象的）', 'excellentShareMax')}
        {share('create-turnout-floor', '有效参评率不低于', 'turnoutFloor')}
        {count('create-trim-above', '同类评价人多于几人时去掉最高最低', 'trimAbove')}
        <View className='cell'>
          <View className='cell-bd'>所有评价完全相同的选票无效</View>
          <Switch
            id='create-void-same'
            checked={s.voidIfAllSame}
            color='#07c160'
            onChange={(e) => update(() => ({ voidIfAllSame: e.detail.value }))}
          />
        </View>
        <CreateError errors={errors} field='rules.voidIfAllSame' />
        {count('create-min-group', '分组不足几人不显示', 'minGroupSize')}
      </View>

      <View className='cells-title'>总体等次分数线</View>
      <View className='cells'>
        {CUT_KEYS.map((k) => (
          <View className='cell' key={k}>
            <View className='cell-bd'>{GRADE_LABELS[k]}不低于</View>
            <Input
              id={`create-cut-${k}`}
              className='num-input'
              type='digit'
              value={s.cuts[k]}
              maxlength={6}
              onInput={(e) => {
                const v = e.detail.value;
                update((x) => ({ cuts: { ...x.cuts, [k]: v } }));
              }}
            />
            <Text className='num-unit'>分</Text>
          </View>
        ))}
      </View>
      <CreateError errors={errors} field='rules.gradeCutoffs' />

      <View className='cells-title'>结果提示</View>
      <View className='cells'>
        {share('create-admonish', '诫勉谈话：优秀+称职低于', 'admonishBelow')}
        {share('create-adjust', '组织调整：不称职超过', 'adjustAbove')}
      </View>

      <View className='cells-title'>开始和结束时间（北京时间，不设则手动开启、结束）</View>
      <View className='cells'>
        <WhenCell which='opens' value={s.opens} opensDay={s.opens.day} onChange={(w) => update(() => ({ opens: w }))} errors={errors} />
        <WhenCell which='closes' value={s.closes} opensDay={s.opens.day} onChange={(w) => update(() => ({ closes: w }))} errors={errors} />
      </View>
    </View>
  );
}
