import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ANNUAL_GRADE_LABELS } from '../../../../shared/annual/grades';
import { SECTION_TIER_LABELS } from '../../../../shared/annual/tiers';
import type { PaySettingsFields, SimulationView } from '../../../../shared/pay/contract';
import { PROVINCIAL_TIERS, PROVINCIAL_TIER_LABELS, yuan } from '../../../../shared/pay/pay';
import { openExport } from '../../common/open-export';
import { call } from '../../common/call';
import { FormButtons, NumberCells, SegCell, TextareaCell, type NumberField } from '../../common/cells';
import { FieldError, firstError } from '../../common/form';
import { YearChips, yearsOffered } from '../../common/YearChips';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';

type Fields = PaySettingsFields;
const TIERS = PROVINCIAL_TIERS.map((key) => ({ key, label: PROVINCIAL_TIER_LABELS[key] }));
const NUMBERS: NumberField<Fields>[] = [
  { label: '奖金基数（元）', get: (f) => f.base, set: (f, v) => ({ ...f, base: v }) },
  { label: '本年度工业税收（万元）', get: (f) => f.taxThisYear, set: (f, v) => ({ ...f, taxThisYear: v }) },
  { label: '上年度工业税收（万元）', get: (f) => f.taxLastYear, set: (f, v) => ({ ...f, taxLastYear: v }) },
  {
    label: '第一等次股室系数',
    get: (f) => f.sectionCoefficients[1],
    set: (f, v) => ({ ...f, sectionCoefficients: { ...f.sectionCoefficients, 1: v } }),
  },
  {
    label: '第二等次股室系数',
    get: (f) => f.sectionCoefficients[2],
    set: (f, v) => ({ ...f, sectionCoefficients: { ...f.sectionCoefficients, 2: v } }),
  },
  ...(['excellent', 'competent', 'basic', 'incompetent'] as const).map((g) => ({
    label: `${ANNUAL_GRADE_LABELS[g]}系数`,
    get: (f: Fields) => f.gradeCoefficients[g],
    set: (f: Fields, v: number) => ({ ...f, gradeCoefficients: { ...f.gradeCoefficients, [g]: v } }),
  })),
];

/**
 * Performance pay under total control (绩效奖金): the year's settings, the simulator's distribution by section tier
 * and grade before release, and for the admin saving the settings and releasing the pay, each with a reason.
 */
export default function PaySimulate() {
  const [year, setYear] = useState(yearsOffered()[1] as number);
  const [draft, setDraft] = useState<{ fields: Fields; typed: Record<number, string> } | null>(null);
  const settings = usePageData(
    'pay',
    'settings',
    { year },
    { reset: true, onData: ({ year: _y, saved: _s, released: _r, ...fields }) => setDraft({ fields, typed: {} }) },
  );
  const me = usePageData('members', 'me', {}).data;
  const isAdmin = me?.roles.includes('admin') ?? false;
  const [sim, setSim] = useState<SimulationView | null>(null);
  const [reason, setReason] = useState('');
  // three actions, one message and one busy: what the button pressed last says (pressing one clears the others')
  const simulating = useSubmit('pay', 'simulate', [year, draft]);
  const saving = useSubmit('pay', 'saveSettings', [year, draft, reason]);
  const releasing = useSubmit('pay', 'release', [year, reason]);
  const forms = [simulating, saving, releasing];
  const errors = Object.assign({}, ...forms.map((f) => f.errors)) as Record<string, string>;
  const busy = forms.some((f) => f.busy);
  const pressed = (form: (typeof forms)[number]) => {
    for (const f of forms) if (f !== form) f.setErrors({});
  };

  /** The distribution shown; `done`: the settings saved or the pay released, said, and read again. */
  const shown = (done?: string) => (s: SimulationView) => {
    setSim(s);
    if (done) {
      setReason('');
      void Taro.showToast({ title: done, icon: 'success' });
      void settings.reload();
    }
  };
  const fields = draft?.fields;
  const released = settings.data?.released ?? false;
  return (
    <View className='page' id='pay-page'>
      <YearChips
        value={year}
        onChange={(y) => {
          setYear(y);
          setSim(null);
        }}
        idPrefix='pay'
      />
      <LoadStatus page={settings} />
      {draft && fields && (
        <>
          <View className='cells-title'>
            {year}年度方案{settings.data?.saved ? '' : '（默认，尚未保存）'}
          </View>
          <View className='cells' id='pay-settings'>
            <SegCell
              idPrefix='pay-tier'
              label='省级考核等次'
              wideLabel
              options={TIERS}
              value={fields.provincialTier}
              onChange={(t) => setDraft({ ...draft, fields: { ...fields, provincialTier: t } })}
            />
            <NumberCells idPrefix='pay-field' items={NUMBERS} draft={draft} disabled={released} onChange={setDraft} />
          </View>
          <FieldError id='pay-error' text={firstError(errors)} />
          <FormButtons
            id='pay-simulate'
            text='模拟分配'
            look='default'
            busy={busy}
            onClick={() => {
              pressed(simulating);
              return simulating.submit({ year, draft: fields }, shown());
            }}
          />
        </>
      )}
      {sim && <Simulation s={sim} />}
      {isAdmin && fields && !released && (
        <View>
          <View className='cells'>
            <TextareaCell id='pay-reason' value={reason} placeholder='理由（如：经党工委会议研究通过）' onChange={setReason} />
          </View>
          <FormButtons
            id='pay-save'
            text='保存方案'
            busy={busy}
            onClick={() => {
              pressed(saving);
              return saving.submit({ ...fields, year, reason }, shown('已保存'));
            }}
          >
            {settings.data?.saved && (
              <Button
                className='btn btn-warn'
                id='pay-release'
                disabled={busy}
                onClick={() => {
                  pressed(releasing);
                  void releasing.submit({ year, reason }, shown('已发放'));
                }}
              >
                发放
              </Button>
            )}
          </FormButtons>
        </View>
      )}
      {released && (
        <View className='btn-area'>
          <Button
            className='btn btn-default'
            id='pay-export'
            onClick={() =>
              void call('pay', 'export', { year }).then((r) =>
                r.code === 0
                  ? openExport(r.data.url, r.data.fileName).catch(() => Taro.showToast({ title: '无法打开文件', icon: 'none' }))
                  : Taro.showModal({ title: '未能导出', content: r.message, showCancel: false }),
              )
            }
          >
            导出Excel
          </Button>
        </View>
      )}
    </View>
  );
}

/** The pool and how it is shared: by section tier and grade, how many, what each gets, and the total. */
function Simulation({ s }: { s: SimulationView }) {
  return (
    <View id='pay-simulation'>
      <View className='cells-title'>分配结果（参评 {s.cadres} 人）</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <View id='pay-pool'>
            奖金总额 {yuan(s.poolFen)} 元（省级考核系数 {s.provincialFactor} × 税收贡献系数 {s.taxFactor}）
          </View>
          <View className='cell-sub'>
            第一等次股室 {s.sections.first} 个 · 第二等次股室 {s.sections.second} 个
          </View>
        </View>
        {s.groups.map((g) => (
          <View className='cell' key={`${g.tier}-${g.grade}`} id={`pay-group-${g.tier}-${g.grade}`}>
            <View className='cell-bd'>
              {SECTION_TIER_LABELS[g.tier]} · {ANNUAL_GRADE_LABELS[g.grade]} {g.count}人
            </View>
            <Text className='cell-ft'>
              每人 {yuan(g.minFen)}
              {g.maxFen !== g.minFen ? `–${yuan(g.maxFen)}` : ''} 元
            </Text>
          </View>
        ))}
        <View className='cell'>
          <View className='cell-bd'>合计</View>
          <Text className='cell-ft' id='pay-total'>
            {yuan(s.totalFen)} 元
          </Text>
        </View>
      </View>
      {s.releaseBlocked && (
        <View className='tips' id='pay-blocked'>
          {s.releaseBlocked}
        </View>
      )}
    </View>
  );
}
