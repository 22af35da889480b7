import '../../../../shared/api/zod-locale';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { contracts } from '../../../../shared/api/contracts';
import { CAMPAIGN_KIND_LABELS, type CampaignKind } from '../../../../shared/api/votes';
import { DEFAULT_DIMENSIONS, DEFAULT_GRADE_POINTS, DEFAULT_RULES, GRADE_LABELS, GRADES } from '../../../../shared/domain/vote/config';
import { call } from '../../api/call';
import { VOTE_PAGES, shareText } from '../lib';

const KINDS: CampaignKind[] = ['rate_leadership', 'leaders_rate_cadres', 'peer'];
const KIND_HINTS: Record<CampaignKind, string> = {
  rate_leadership: '对象：班子成员；投票人：班子成员、股室负责人、干部',
  leaders_rate_cadres: '对象：股室负责人和干部；投票人：班子成员',
  peer: '对象：股室负责人和干部；投票人：股室负责人和干部（不评自己）',
};

type Field = 'title' | 'kind' | 'year' | 'form';

const frac = shareText;

/** Admin: set up a campaign with the default rules (shown, so that everyone knows what will be counted). */
export default function CreateCampaign() {
  const thisYear = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CampaignKind>('rate_leadership');
  const [year, setYear] = useState(String(thisYear));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const input = { title, kind, year: Number(year) };
    const parsed = contracts.votes.create.input.safeParse(input);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const i of parsed.error.issues) {
        const head = String(i.path[0] ?? 'form');
        const f: Field = head === 'title' || head === 'kind' || head === 'year' ? head : 'form';
        found[f] ??= f === 'year' ? `年度应为2020–2100之间的整数` : i.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    void Taro.showLoading({ title: '正在生成名单' });
    const r = await call('votes', 'create', parsed.data);
    void Taro.hideLoading();
    setBusy(false);
    if (r.code === 0) {
      void Taro.redirectTo({ url: VOTE_PAGES.manage(r.data.id) });
      return;
    }
    if (r.code === 'INVALID_INPUT' && r.details?.length) {
      const found: Partial<Record<Field, string>> = {};
      for (const d of r.details) {
        const head = d.path.split('.')[0];
        const f: Field = head === 'title' || head === 'kind' || head === 'year' ? head : 'form';
        found[f] ??= d.message;
      }
      setErrors(found);
    } else setErrors({ form: r.message });
  };

  const err = (f: Field) =>
    errors[f] ? (
      <View className='field-error' id={`create-error-${f}`}>
        {errors[f]}
      </View>
    ) : null;

  const dims = DEFAULT_DIMENSIONS.map((d) => `${d.label}${d.weight}%`).join('、');
  const points = GRADES.map((g) => `${GRADE_LABELS[g]}${DEFAULT_GRADE_POINTS[g]}分`).join('、');
  const cut = DEFAULT_RULES.gradeCutoffs;

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
      <View className='cells-title'>使用默认规则</View>
      <View className='cells' id='create-rules'>
        <View className='cell'>
          <View className='cell-bd'>评价项目及权重</View>
          <View className='cell-ft'>{dims}</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>等次分值</View>
          <View className='cell-ft'>{points}</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>总体等次</View>
          <View className='cell-ft'>
            ≥{cut.excellent}优秀，≥{cut.competent}称职，≥{cut.basic}基本称职，以下不称职
          </View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>每票“优秀”上限</View>
          <View className='cell-ft'>测评对象的{frac(DEFAULT_RULES.excellentShareMax)}（至少1人）</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>有效参评率</View>
          <View className='cell-ft'>不低于{frac(DEFAULT_RULES.turnoutFloor)}</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>去掉最高最低</View>
          <View className='cell-ft'>同类评价人多于{DEFAULT_RULES.trimAbove}人时</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>废票</View>
          <View className='cell-ft'>{DEFAULT_RULES.voidIfAllSame ? '所有评价完全相同的选票无效' : '不设'}</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>诫勉谈话</View>
          <View className='cell-ft'>优秀+称职低于{frac(DEFAULT_RULES.admonishBelow)}</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>组织调整</View>
          <View className='cell-ft'>不称职超过{frac(DEFAULT_RULES.adjustAbove)}</View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>分组显示下限</View>
          <View className='cell-ft'>不足{DEFAULT_RULES.minGroupSize}人不显示</View>
        </View>
      </View>
      {err('form')}
      <View className='btn-area'>
        <Button id='create-submit' className={`btn btn-primary${busy ? ' btn-disabled' : ''}`} disabled={busy} onClick={() => void submit()}>
          {busy ? '正在创建…' : '创建测评'}
        </Button>
      </View>
    </View>
  );
}
