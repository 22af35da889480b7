import '../../../../shared/common/zod-locale';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { contracts } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS, type CampaignKind } from '../../../../shared/votes/contract';
import { call } from '../../common/call';
import { FormButtons, TextCell } from '../../common/cells';
import { PAGES } from '../../common/pages';
import { AdvancedSettings } from './AdvancedSettings';
import { CreateError } from './CreateError';
import { RulesSummary } from './RulesSummary';
import { BASIC_FIELDS, KINDS, KIND_HINTS, build, categoriesOf, defaultSettings, errorsByField, sense, type Settings } from './settings';

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
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const update = (change: (s: Settings) => Partial<Settings>) => setSettings((old) => ({ ...old, ...change(old) }));
  const kindCategories = categoriesOf(kind);

  const show = (problems: { path: string; message: string }[]) => {
    const found = errorsByField(kind, problems);
    setErrors(found);
    setFirst(Object.values(found)[0] ?? null);
    if (Object.keys(found).some((f) => !BASIC_FIELDS.has(f))) setAdvanced(true);
  };

  const submit = async () => {
    if (busy) return;
    const { input, typed } = build({ title, kind, year }, settings);
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
      void Taro.redirectTo({ url: PAGES.votes.manage(r.data.id) });
      return;
    }
    if (r.code === 'INVALID_INPUT' && r.details?.length) show(r.details);
    else {
      setErrors({ form: r.message });
      setFirst(null);
    }
  };

  return (
    <View className='page' id='create-page'>
      <View className='page-hd'>
        <View className='page-title'>新建测评</View>
        <View className='page-desc'>创建后按类型自动生成测评对象和投票人名单，开启后方可投票。</View>
      </View>
      <View className='cells-title'>测评名称</View>
      <View className='cells'>
        <TextCell id='create-title' value={title} maxlength={40} placeholder={`例如：${year}年度${CAMPAIGN_KIND_LABELS[kind]}`} onChange={setTitle} />
      </View>
      <CreateError errors={errors} field='title' />
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
      <CreateError errors={errors} field='kind' />
      <View className='cells-title'>年度</View>
      <View className='cells'>
        <TextCell id='create-year' type='number' value={year} maxlength={4} onChange={setYear} />
      </View>
      <CreateError errors={errors} field='year' />

      <View className='cells-title'>测评规则</View>
      <View className='cells'>
        <View className='cell cell-access' hoverClass='cell-hover' id='create-advanced' onClick={() => setAdvanced((x) => !x)}>
          <View className='cell-bd'>高级设置</View>
          <View className='cell-ft'>{advanced ? '收起' : '修改权重、等次、规则和时间'}</View>
        </View>
      </View>

      {!advanced && <RulesSummary settings={settings} kindCategories={kindCategories} />}
      {advanced && <AdvancedSettings settings={settings} update={update} kindCategories={kindCategories} errors={errors} />}

      <CreateError errors={errors} field='form' />
      {first && !errors.form && (
        <View className='field-error' id='create-error-summary'>
          请修改上方标红的设置：{first}
        </View>
      )}
      <FormButtons id='create-submit' text='创建测评' busy={busy} busyText='正在创建…' onClick={submit} />
    </View>
  );
}
