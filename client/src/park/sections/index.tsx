import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import type { PersonView } from '../../../../shared/members/contract';
import { call } from '../../common/call';
import { FormButtons, InputCell, PickerCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { BackLink, ErrorBox, LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { RetryNote } from '../../common/use-request';
import { useForm } from '../../common/use-submit';
import { Retire } from '../Retire';
import { useLeaders } from './leaders';

type Section = OutputOf<'park', 'sectionsAdmin'>['items'][number];

function subOf(s: Section): string {
  return [
    s.code ? `编号 ${s.code}` : null,
    `分管领导 ${s.leaderName ?? '未指定'}`,
    `${s.people}人`,
    s.active ? `负责人 ${s.headName ?? '未指定'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The admin's sections (股室): the list in its order (retired ones greyed at the end), add and edit (name, 编号,
 * 分管领导), move up and down (调整顺序), retire with a reason once nobody is in it, or bring one back.
 */
export default function Sections() {
  const page = usePageData('park', 'sectionsAdmin', {});
  // the form: a section to edit, 'new' to add one, null for the list
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  const [ordering, setOrdering] = useState(false);
  const [moving, setMoving] = useState(false);
  const [orderError, setOrderError] = useState<string | null>(null);
  const items = page.data?.items ?? [];
  const active = items.filter((s) => s.active);

  const move = async (index: number, by: -1 | 1) => {
    const other = index + by;
    if (moving || other < 0 || other >= active.length) return;
    const ids = active.map((s) => s.id);
    [ids[index], ids[other]] = [ids[other] ?? '', ids[index] ?? ''];
    setMoving(true);
    setOrderError(null);
    const r = await call('park', 'orderSections', { ids });
    setMoving(false);
    if (r.code !== 0) {
      setOrderError(r.message);
      return;
    }
    // the new order at once; the next load confirms it
    const byId = new Map(items.map((s) => [s.id, s]));
    page.setData((d) => (d ? { ...d, items: [...ids.flatMap((id) => byId.get(id) ?? []), ...items.filter((s) => !s.active)] } : d));
  };

  if (editing) {
    return (
      <SectionForm
        key={editing === 'new' ? 'new' : editing.id}
        section={editing === 'new' ? null : editing}
        onDone={(changed) => {
          setEditing(null);
          if (changed) void page.reload();
        }}
      />
    );
  }

  return (
    <View className='page' id='sections-page'>
      <View className='page-hd'>
        <View className='page-title'>股室</View>
        <View className='page-desc'>点击股室修改名称、编号和分管领导；没有人员的股室可以撤销。</View>
      </View>
      <View className='btn-area btn-area-tight'>
        <Button id='sections-add' className='btn btn-primary' onClick={() => setEditing('new')}>
          新增股室
        </Button>
        {active.length > 1 && (
          <>
            <View style={{ height: '12px' }} />
            <Button id='sections-order' className='btn btn-default' onClick={() => setOrdering(!ordering)}>
              {ordering ? '完成排序' : '调整顺序'}
            </Button>
          </>
        )}
      </View>
      <LoadStatus page={page} />
      {page.data && (
        <>
          <View className='cells-title' id='sections-count'>
            共 {active.length} 个股室{ordering ? '：点“上移”“下移”调整顺序，立即生效' : ''}
          </View>
          {orderError && <ErrorBox message={orderError} onRetry={() => void page.reload()} />}
          <View className='cells' id='sections-list'>
            {items.length === 0 && <View className='empty'>还没有股室，请新增或用 Excel 导入</View>}
            {items.map((s) => {
              const i = active.indexOf(s);
              return (
                <View
                  key={s.id}
                  className={`cell${ordering ? '' : ' cell-access'}${s.active ? '' : ' cell-retired'}`}
                  hoverClass={ordering ? 'none' : 'cell-hover'}
                  id={`section-${s.id}`}
                  onClick={() => !ordering && setEditing(s)}
                >
                  <View className='cell-bd'>
                    <View className='cell-title'>
                      {s.name}
                      {!s.active && <Text className='tag tag-grey'> 已撤销</Text>}
                    </View>
                    <View className='cell-sub'>{subOf(s)}</View>
                    {ordering && s.active && (
                      <View className='row-actions'>
                        <Button
                          id={`section-${s.id}-up`}
                          className='btn btn-default btn-row'
                          disabled={moving || i === 0}
                          onClick={() => void move(i, -1)}
                        >
                          上移
                        </Button>
                        <Button
                          id={`section-${s.id}-down`}
                          className='btn btn-default btn-row'
                          disabled={moving || i === active.length - 1}
                          onClick={() => void move(i, 1)}
                        >
                          下移
                        </Button>
                      </View>
                    )}
                  </View>
                </View>
              );
            })}
          </View>
        </>
      )}
      <BackLink id='sections-back' label='返回园区名录' url={PAGES.park.directory} />
    </View>
  );
}

/** The form's fields as the section has them (empty for a new one). */
function fieldsOf(section: Section | null): { name: string; code: string; leaderId: string | null } {
  if (!section) return { name: '', code: '', leaderId: null };
  return { name: section.name, code: section.code ?? '', leaderId: section.leaderId };
}

/** 暂不指定, then the leaders; a leader no longer on the list (left the park) still shows while chosen. */
function leaderOptions(leaders: PersonView[] | null, leaderId: string | null, section: Section | null): { id: string | null; name: string }[] {
  const options: { id: string | null; name: string }[] = [
    { id: null, name: '暂不指定' },
    ...(leaders ?? []).map((l) => ({ id: l.memberId, name: l.name })),
  ];
  if (leaderId && !options.some((o) => o.id === leaderId)) options.push({ id: leaderId, name: section?.leaderName ?? leaderId });
  return options;
}

/** Add a section (`section` null) or edit one; retire or restore it with a reason. */
function SectionForm({ section, onDone }: { section: Section | null; onDone: (changed: boolean) => void }) {
  const form = useForm('park', 'saveSection', () => fieldsOf(section));
  const { fields, set, bind, errors } = form;
  const { leaderId } = fields;
  const { leaders, error: leadersError, retry } = useLeaders(true);
  const options = leaderOptions(leaders, leaderId, section);

  const save = () =>
    form.submit({ ...(section ? { id: section.id } : {}), ...fields }, () => {
      void Taro.showToast({ title: section ? '已保存' : '已新增', icon: 'success' });
      onDone(true);
    });

  return (
    <View className='page' id='section-form'>
      <View className='page-hd'>
        <View className='page-title'>{section ? `修改股室：${section.name}` : '新增股室'}</View>
        <View className='page-desc'>
          {section ? `现有${section.people}人${section.headName ? `，负责人${section.headName}` : ''}。` : ''}
          编号选填，是办公室自己的编号，Excel 导入时按编号对应股室。
        </View>
      </View>
      <View className='cells'>
        <InputCell id='section-name' label='股室名称' placeholder='如 企业服务中心' maxlength={20} {...bind('name')} />
        <InputCell id='section-code' label='编号' placeholder='选填，如 S13' maxlength={32} {...bind('code')} />
        <PickerCell
          id='section-leader'
          label='分管领导'
          options={options.map((o) => o.name)}
          index={options.findIndex((o) => o.id === leaderId)}
          onChange={(i) => set({ leaderId: options[i]?.id ?? null })}
          placeholder={leaders ? '请选择' : '正在读取班子成员…'}
          disabled={!leaders}
          error={errors.leaderId ?? leadersError ?? undefined}
        />
      </View>
      {leadersError && (
        <View className='footer-link' id='section-leader-retry' onClick={retry}>
          重新读取班子成员
        </View>
      )}
      <FieldError id='section-error' text={errors.form ?? errors.id} />
      <RetryNote retrying={form.retrying} id='section-retrying' />
      <FormButtons
        id='section-save'
        text={section ? '保存' : '新增股室'}
        busy={form.busy}
        onClick={save}
        back={{ id: 'section-cancel', text: '返回股室列表', onClick: () => onDone(false) }}
      />
      {section && (
        <Retire
          id='section-retire'
          action='retireSection'
          record={section}
          verb='撤销'
          what='股室'
          example='机构改革并入企业服务中心'
          note='股室还有人员时不能撤销：请先办理人员调动。撤销后，历史考核结果仍保留。'
          onDone={() => onDone(true)}
        />
      )}
    </View>
  );
}
