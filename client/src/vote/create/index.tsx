import '../../../../shared/common/zod-locale';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { contracts, type InputOf } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS, type CampaignKind } from '../../../../shared/votes/contract';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_DIMENSIONS,
  DEFAULT_GRADE_POINTS,
  DEFAULT_RULES,
  GRADE_LABELS,
  GRADES,
  type Grade,
} from '../../../../shared/votes/config';
import { inPark } from '../../../../shared/common/time';
import { call } from '../../api/call';
import { VOTE_PAGES, parkInstant, shareText } from '../lib';

const KINDS: CampaignKind[] = ['rate_leadership', 'leaders_rate_cadres', 'peer'];
const KIND_HINTS: Record<CampaignKind, string> = {
  rate_leadership: '对象：班子成员；投票人：班子成员、股室负责人、干部',
  leaders_rate_cadres: '对象：股室负责人和干部；投票人：班子成员',
  peer: '对象：股室负责人和干部；投票人：股室负责人和干部（不评自己）',
};
/** The voter categories on each kind's roll (see rosterFor): only these are weighted. */
const KIND_CATEGORIES: Record<CampaignKind, string[]> = {
  rate_leadership: ['leader', 'sectionHead', 'cadre'],
  leaders_rate_cadres: ['leader'],
  peer: ['sectionHead', 'cadre'],
};
/** The points scale's widest range the contract allows. */
const POINTS_RANGE = { min: 0, max: 100 };
/** Times proposed when a day is first picked (the admin changes them). */
const DEFAULT_OPEN_TIME = '09:00';
const DEFAULT_CLOSE_TIME = '18:00';

type CreateInput = InputOf<'votes', 'create'>;
type Rules = NonNullable<CreateInput['rules']>;
type ShareKey = 'excellentShareMax' | 'turnoutFloor' | 'admonishBelow' | 'adjustAbove';
type CountKey = 'trimAbove' | 'minGroupSize';
type CutKey = keyof typeof DEFAULT_RULES.gradeCutoffs;
const SHARE_KEYS: ShareKey[] = ['excellentShareMax', 'turnoutFloor', 'admonishBelow', 'adjustAbove'];
const CUT_KEYS: CutKey[] = ['excellent', 'competent', 'basic'];

/** A share as the admin types it: percent, one decimal (2/3 → 66.7). */
const pctText = (x: number) => String(Math.round(x * 1000) / 10);
const num = (s: string) => (s.trim() === '' ? NaN : Number(s.trim()));
const frac = shareText;

interface When {
  day: string;
  time: string;
}

/** Every place an error can be shown, by the dotted path of the input it belongs to. */
function fieldsOf(kind: CampaignKind): Set<string> {
  const out = new Set<string>(['title', 'kind', 'year', 'dimensions', 'categories', 'scale', 'scale.min', 'scale.max', 'opensAt', 'closesAt']);
  DEFAULT_DIMENSIONS.forEach((_, i) => out.add(`dimensions.${i}.weight`));
  KIND_CATEGORIES[kind].forEach((_, i) => out.add(`categories.${i}.weight`));
  for (const g of GRADES) out.add(`scale.points.${g}`);
  for (const k of [...SHARE_KEYS, 'trimAbove', 'minGroupSize', 'voidIfAllSame', 'gradeCutoffs']) out.add(`rules.${k}`);
  return out;
}
const BASIC_FIELDS = new Set(['title', 'kind', 'year', 'form']);

function fieldOf(path: string, fields: Set<string>): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const k = parts.slice(0, n).join('.');
    if (fields.has(k)) return k;
  }
  return 'form';
}

function messageFor(field: string, message: string): string {
  if (field === 'year') return '年度应为2020–2100之间的整数';
  if (SHARE_KEYS.some((k) => field === `rules.${k}`)) return '请填写0–100之间的百分数';
  return message;
}

/** Admin: set up a campaign. The rules start at the regulation's defaults; every number can be changed. */
export default function CreateCampaign() {
  const thisYear = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CampaignKind>('rate_leadership');
  const [year, setYear] = useState(String(thisYear));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [advanced, setAdvanced] = useState(false);
  /** The first problem, repeated by the button: the field may be far up the page. */
  const [first, setFirst] = useState<string | null>(null);

  const [dimW, setDimW] = useState<string[]>(() => DEFAULT_DIMENSIONS.map((d) => String(d.weight)));
  const [catW, setCatW] = useState<Record<string, string>>(() =>
    Object.fromEntries(DEFAULT_CATEGORIES.map((k) => [k.key, String(k.weight)])),
  );
  const [scaleType, setScaleType] = useState<'grades' | 'points'>('grades');
  const [gradePts, setGradePts] = useState<Record<Grade, string>>(
    () => Object.fromEntries(GRADES.map((g) => [g, String(DEFAULT_GRADE_POINTS[g])])) as Record<Grade, string>,
  );
  const [ptsMin, setPtsMin] = useState(String(POINTS_RANGE.min));
  const [ptsMax, setPtsMax] = useState(String(POINTS_RANGE.max));
  const [shares, setShares] = useState<Record<ShareKey, string>>(
    () => Object.fromEntries(SHARE_KEYS.map((k) => [k, pctText(DEFAULT_RULES[k])])) as Record<ShareKey, string>,
  );
  const [counts, setCounts] = useState<Record<CountKey, string>>({
    trimAbove: String(DEFAULT_RULES.trimAbove),
    minGroupSize: String(DEFAULT_RULES.minGroupSize),
  });
  const [voidIfAllSame, setVoidIfAllSame] = useState(DEFAULT_RULES.voidIfAllSame);
  const [cuts, setCuts] = useState<Record<CutKey, string>>(
    () => Object.fromEntries(CUT_KEYS.map((k) => [k, String(DEFAULT_RULES.gradeCutoffs[k])])) as Record<CutKey, string>,
  );
  const [opens, setOpens] = useState<When>({ day: '', time: DEFAULT_OPEN_TIME });
  const [closes, setCloses] = useState<When>({ day: '', time: DEFAULT_CLOSE_TIME });

  const kindCategories = KIND_CATEGORIES[kind]
    .map((key) => DEFAULT_CATEGORIES.find((k) => k.key === key))
    .filter((k): k is (typeof DEFAULT_CATEGORIES)[number] => k !== undefined);

  /** The input with only what the admin changed (the server applies its defaults to the rest), and typing errors. */
  const build = (): { input: Record<string, unknown>; typed: Record<string, string> } => {
    const typed: Record<string, string> = {};
    const read = (path: string, s: string): number => {
      const n = num(s);
      if (!Number.isFinite(n)) typed[path] ??= '请输入数字';
      return n;
    };
    const input: Record<string, unknown> = { title, kind, year: Number(year) };

    if (DEFAULT_DIMENSIONS.some((d, i) => dimW[i] !== String(d.weight))) {
      input.dimensions = DEFAULT_DIMENSIONS.map((d, i) => ({ ...d, weight: read(`dimensions.${i}.weight`, dimW[i] ?? '') }));
    }
    if (kindCategories.some((k) => catW[k.key] !== String(k.weight))) {
      input.categories = kindCategories.map((k, i) => ({ ...k, weight: read(`categories.${i}.weight`, catW[k.key] ?? '') }));
    }
    if (scaleType === 'points') {
      input.scale = { type: 'points', min: read('scale.min', ptsMin), max: read('scale.max', ptsMax) };
    } else if (GRADES.some((g) => gradePts[g] !== String(DEFAULT_GRADE_POINTS[g]))) {
      input.scale = {
        type: 'grades',
        points: Object.fromEntries(GRADES.map((g) => [g, read(`scale.points.${g}`, gradePts[g])])),
      };
    }

    const rules: Partial<Record<keyof Rules, unknown>> = {};
    for (const k of SHARE_KEYS) {
      // 66.7 left as shown is the default 2/3 itself, so it is not sent at all.
      if (shares[k] !== pctText(DEFAULT_RULES[k])) rules[k] = read(`rules.${k}`, shares[k]) / 100;
    }
    for (const k of ['trimAbove', 'minGroupSize'] as const) {
      if (counts[k] !== String(DEFAULT_RULES[k])) rules[k] = read(`rules.${k}`, counts[k]);
    }
    if (voidIfAllSame !== DEFAULT_RULES.voidIfAllSame) rules.voidIfAllSame = voidIfAllSame;
    if (CUT_KEYS.some((k) => cuts[k] !== String(DEFAULT_RULES.gradeCutoffs[k]))) {
      rules.gradeCutoffs = Object.fromEntries(CUT_KEYS.map((k) => [k, read('rules.gradeCutoffs', cuts[k])]));
    }
    if (Object.keys(rules).length > 0) input.rules = rules;

    if (opens.day) input.opensAt = parkInstant(opens.day, opens.time);
    if (closes.day) input.closesAt = parkInstant(closes.day, closes.time);
    return { input, typed };
  };

  /** What the contract cannot know: weights that add up to nothing, cut-offs out of order, a closing time gone. */
  const sense = (c: CreateInput): [string, string][] => {
    const out: [string, string][] = [];
    if (c.dimensions && c.dimensions.reduce((s, d) => s + d.weight, 0) <= 0) out.push(['dimensions', '权重合计应大于0']);
    if (c.categories && c.categories.reduce((s, k) => s + k.weight, 0) <= 0) out.push(['categories', '权重合计应大于0']);
    const cut = { ...DEFAULT_RULES.gradeCutoffs, ...c.rules?.gradeCutoffs };
    if (!(cut.excellent > cut.competent && cut.competent > cut.basic)) {
      out.push(['rules.gradeCutoffs', '分数线应依次降低：优秀 > 称职 > 基本称职']);
    }
    if (typeof c.closesAt === 'number' && c.closesAt <= Date.now()) out.push(['closesAt', '结束时间已过，请重新选择']);
    return out;
  };

  const show = (problems: { path: string; message: string }[]) => {
    const fields = fieldsOf(kind);
    const found: Record<string, string> = {};
    for (const p of problems) {
      const f = fieldOf(p.path, fields);
      found[f] ??= messageFor(f, p.message);
    }
    setErrors(found);
    setFirst(Object.values(found)[0] ?? null);
    if (Object.keys(found).some((f) => !BASIC_FIELDS.has(f))) setAdvanced(true);
  };

  const submit = async () => {
    if (busy) return;
    const { input, typed } = build();
    if (Object.keys(typed).length > 0) {
      show(Object.entries(typed).map(([path, message]) => ({ path, message })));
      return;
    }
    const parsed = contracts.votes.create.input.safeParse(input);
    if (!parsed.success) {
      show(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
      return;
    }
    const odd = sense(parsed.data);
    if (odd.length > 0) {
      show(odd.map(([path, message]) => ({ path, message })));
      return;
    }
    setErrors({});
    setFirst(null);
    setBusy(true);
    void Taro.showLoading({ title: '正在生成名单' });
    const r = await call('votes', 'create', parsed.data);
    void Taro.hideLoading();
    setBusy(false);
    if (r.code === 0) {
      void Taro.redirectTo({ url: VOTE_PAGES.manage(r.data.id) });
      return;
    }
    if (r.code === 'INVALID_INPUT' && r.details?.length) show(r.details);
    else {
      setErrors({ form: r.message });
      setFirst(null);
    }
  };

  const err = (f: string) =>
    errors[f] ? (
      <View className='field-error' id={`create-error-${f.replace(/\./g, '-')}`}>
        {errors[f]}
      </View>
    ) : null;

  /** One number typed in a cell, with its unit and its error below. */
  const numberCell = (id: string, label: string, value: string, set: (v: string) => void, unit: string, field: string) => (
    <>
      <View className='cell'>
        <View className='cell-bd'>{label}</View>
        <Input id={id} className='num-input' type='digit' value={value} maxlength={6} onInput={(e) => set(e.detail.value)} />
        <Text className='num-unit'>{unit}</Text>
      </View>
      {err(field)}
    </>
  );

  const when = (which: 'opens' | 'closes') => {
    const w = which === 'opens' ? opens : closes;
    const set = which === 'opens' ? setOpens : setCloses;
    const now = inPark(Date.now());
    const today = now.format('YYYY-MM-DD');
    // Closing is proposed for tomorrow, opening for today; either can be moved.
    const proposed = which === 'opens' ? today : (opens.day || now.add(1, 'day').format('YYYY-MM-DD'));
    return (
      <>
        <View className='cell' id={`create-${which}`}>
          <View className='cell-bd'>{which === 'opens' ? '开始时间' : '结束时间'}</View>
          <Picker mode='date' value={w.day || proposed} start={today} onChange={(e) => set({ ...w, day: String(e.detail.value) })}>
            <View className='pick' id={`create-${which}-day`}>
              {w.day || (which === 'opens' ? '不设（手动开启）' : '不设（手动结束）')}
            </View>
          </Picker>
          {w.day && (
            <>
              <Picker mode='time' value={w.time} onChange={(e) => set({ ...w, time: String(e.detail.value) })}>
                <View className='pick' id={`create-${which}-time`}>
                  {w.time}
                </View>
              </Picker>
              <Text className='pick-clear' id={`create-${which}-clear`} onClick={() => set({ ...w, day: '' })}>
                清除
              </Text>
            </>
          )}
        </View>
        {err(`${which}At`)}
      </>
    );
  };

  // The current values, as the collapsed section shows them.
  const dims = DEFAULT_DIMENSIONS.map((d, i) => `${d.label}${dimW[i]}%`).join('、');
  const cats = kindCategories.map((k) => `${k.label}${catW[k.key]}%`).join('、');
  const points =
    scaleType === 'grades'
      ? GRADES.map((g) => `${GRADE_LABELS[g]}${gradePts[g]}分`).join('、')
      : `${ptsMin}–${ptsMax}分打分`;
  const share = (k: ShareKey) => (shares[k] === pctText(DEFAULT_RULES[k]) ? frac(DEFAULT_RULES[k]) : `${shares[k]}%`);
  const schedule = (w: When, none: string) => (w.day ? `${w.day} ${w.time}` : none);

  return (
    <View className='page' id='create-page'>
      <View className='page-hd'>
        <View className='page-title'>新建测评</View>
        <View className='page-desc'>创建后按类型自动生成测评对象和投票人名单，开启后方可投票。</View>
      </View>
      <View className='cells-title'>测评名称</View>
      <View className='cells'>
        <View className='cell'>
          <Input
            id='create-title'
            className='input'
            value={title}
            maxlength={40}
            placeholder={`例如：${year}年度${CAMPAIGN_KIND_LABELS[kind]}`}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
      </View>
      {err('title')}
      <View className='cells-title'>测评类型</View>
      <View className='cells' id='create-kind'>
        {KINDS.map((k) => (
          <View key={k} className='cell' hoverClass='cell-hover' id={`create-kind-${k}`} onClick={() => setKind(k)}>
            <View className='cell-bd'>
              <View className='cell-title'>{CAMPAIGN_KIND_LABELS[k]}</View>
              <View className='cell-sub'>{KIND_HINTS[k]}</View>
            </View>
            {kind === k && <Text className='check'>✓</Text>}
          </View>
        ))}
      </View>
      {err('kind')}
      <View className='cells-title'>年度</View>
      <View className='cells'>
        <View className='cell'>
          <Input id='create-year' className='input' type='number' value={year} maxlength={4} onInput={(e) => setYear(e.detail.value)} />
        </View>
      </View>
      {err('year')}

      <View className='cells-title'>测评规则</View>
      <View className='cells'>
        <View className='cell cell-access' hoverClass='cell-hover' id='create-advanced' onClick={() => setAdvanced((x) => !x)}>
          <View className='cell-bd'>高级设置</View>
          <View className='cell-ft'>{advanced ? '收起' : '修改权重、等次、规则和时间'}</View>
        </View>
      </View>

      {!advanced && (
        <View className='cells' id='create-rules'>
          <View className='cell'>
            <View className='cell-bd'>评价项目及权重</View>
            <View className='cell-ft'>{dims}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>投票人类别权重</View>
            <View className='cell-ft'>{cats}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>{scaleType === 'grades' ? '等次分值' : '评分方式'}</View>
            <View className='cell-ft'>{points}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>总体等次</View>
            <View className='cell-ft'>
              ≥{cuts.excellent}优秀，≥{cuts.competent}称职，≥{cuts.basic}基本称职，以下不称职
            </View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>每票“优秀”上限</View>
            <View className='cell-ft'>测评对象的{share('excellentShareMax')}（至少1人）</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>有效参评率</View>
            <View className='cell-ft'>不低于{share('turnoutFloor')}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>去掉最高最低</View>
            <View className='cell-ft'>同类评价人多于{counts.trimAbove}人时</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>废票</View>
            <View className='cell-ft'>{voidIfAllSame ? '所有评价完全相同的选票无效' : '不设'}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>诫勉谈话</View>
            <View className='cell-ft'>优秀+称职低于{share('admonishBelow')}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>组织调整</View>
            <View className='cell-ft'>不称职超过{share('adjustAbove')}</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>分组显示下限</View>
            <View className='cell-ft'>不足{counts.minGroupSize}人不显示</View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>开始 / 结束</View>
            <View className='cell-ft' id='create-schedule'>
              {schedule(opens, '手动开启')} / {schedule(closes, '手动结束')}
            </View>
          </View>
        </View>
      )}

      {advanced && (
        <View id='create-settings'>
          <View className='cells-title'>评价项目权重（%）</View>
          <View className='cells'>
            {DEFAULT_DIMENSIONS.map((d, i) => (
              <View key={d.key}>
                {numberCell(
                  `create-dim-${d.key}`,
                  d.label,
                  dimW[i] ?? '',
                  (v) => setDimW((x) => x.map((y, j) => (j === i ? v : y))),
                  '%',
                  `dimensions.${i}.weight`,
                )}
              </View>
            ))}
          </View>
          {err('dimensions')}

          <View className='cells-title'>投票人类别权重（%）</View>
          <View className='cells'>
            {kindCategories.map((k, i) => (
              <View key={k.key}>
                {numberCell(
                  `create-cat-${k.key}`,
                  k.label,
                  catW[k.key] ?? '',
                  (v) => setCatW((x) => ({ ...x, [k.key]: v })),
                  '%',
                  `categories.${i}.weight`,
                )}
              </View>
            ))}
          </View>
          {err('categories')}

          <View className='cells-title'>评价方式</View>
          <View className='cells'>
            <View className='cell'>
              <View className='seg' id='create-scale'>
                <View
                  className={`seg-item${scaleType === 'grades' ? ' seg-on' : ''}`}
                  id='create-scale-grades'
                  onClick={() => setScaleType('grades')}
                >
                  四档等次
                </View>
                <View
                  className={`seg-item${scaleType === 'points' ? ' seg-on' : ''}`}
                  id='create-scale-points'
                  onClick={() => setScaleType('points')}
                >
                  百分制打分
                </View>
              </View>
            </View>
            {scaleType === 'grades' &&
              GRADES.map((g) => (
                <View key={g}>
                  {numberCell(
                    `create-points-${g}`,
                    GRADE_LABELS[g],
                    gradePts[g],
                    (v) => setGradePts((x) => ({ ...x, [g]: v })),
                    '分',
                    `scale.points.${g}`,
                  )}
                </View>
              ))}
            {scaleType === 'points' && (
              <>
                {numberCell('create-points-min', '最低分', ptsMin, setPtsMin, '分', 'scale.min')}
                {numberCell('create-points-max', '最高分', ptsMax, setPtsMax, '分', 'scale.max')}
              </>
            )}
          </View>
          {err('scale')}

          <View className='cells-title'>计票规则</View>
          <View className='cells'>
            {numberCell(
              'create-excellent-share',
              '每票“优秀”上限（测评对象的）',
              shares.excellentShareMax,
              (v) => setShares((x) => ({ ...x, excellentShareMax: v })),
              '%',
              'rules.excellentShareMax',
            )}
            {numberCell(
              'create-turnout-floor',
              '有效参评率不低于',
              shares.turnoutFloor,
              (v) => setShares((x) => ({ ...x, turnoutFloor: v })),
              '%',
              'rules.turnoutFloor',
            )}
            {numberCell(
              'create-trim-above',
              '同类评价人多于几人时去掉最高最低',
              counts.trimAbove,
              (v) => setCounts((x) => ({ ...x, trimAbove: v })),
              '人',
              'rules.trimAbove',
            )}
            <View className='cell'>
              <View className='cell-bd'>所有评价完全相同的选票无效</View>
              <Switch id='create-void-same' checked={voidIfAllSame} color='#07c160' onChange={(e) => setVoidIfAllSame(e.detail.value)} />
            </View>
            {err('rules.voidIfAllSame')}
            {numberCell(
              'create-min-group',
              '分组不足几人不显示',
              counts.minGroupSize,
              (v) => setCounts((x) => ({ ...x, minGroupSize: v })),
              '人',
              'rules.minGroupSize',
            )}
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
                  value={cuts[k]}
                  maxlength={6}
                  onInput={(e) => setCuts((x) => ({ ...x, [k]: e.detail.value }))}
                />
                <Text className='num-unit'>分</Text>
              </View>
            ))}
          </View>
          {err('rules.gradeCutoffs')}

          <View className='cells-title'>结果提示</View>
          <View className='cells'>
            {numberCell(
              'create-admonish',
              '诫勉谈话：优秀+称职低于',
              shares.admonishBelow,
              (v) => setShares((x) => ({ ...x, admonishBelow: v })),
              '%',
              'rules.admonishBelow',
            )}
            {numberCell(
              'create-adjust',
              '组织调整：不称职超过',
              shares.adjustAbove,
              (v) => setShares((x) => ({ ...x, adjustAbove: v })),
              '%',
              'rules.adjustAbove',
            )}
          </View>

          <View className='cells-title'>开始和结束时间（北京时间，不设则手动开启、结束）</View>
          <View className='cells'>
            {when('opens')}
            {when('closes')}
          </View>
        </View>
      )}

      {err('form')}
      {first && !errors.form && (
        <View className='field-error' id='create-error-summary'>
          请修改上方标红的设置：{first}
        </View>
      )}
      <View className='btn-area'>
        <Button id='create-submit' className={`btn btn-primary${busy ? ' btn-disabled' : ''}`} disabled={busy} onClick={() => void submit()}>
          {busy ? '正在创建…' : '创建测评'}
        </Button>
      </View>
    </View>
  );
}
