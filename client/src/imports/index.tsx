import { PrivacySheet } from '../common/PrivacySheet';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { CALL_RETRY } from '../../../shared/common/retry';
import type { PlanView } from '../../../shared/imports/contract';
import { IMPORT, IMPORT_KINDS, IMPORT_KIND_LABELS, IMPORT_KIND_SHORT, TEMPLATES, type ImportKind } from '../../../shared/imports/templates';
import { call } from '../common/call';
import { Segmented } from '../common/cells';
import { openExport } from '../common/open-export';
import { PAGES } from '../common/pages';
import { BackLink } from '../common/ui';
import { usePageData } from '../common/use-page-data';
import { H5FileInput } from './FileInput';
import { Preview } from './Preview';
import { fileProblem, importCloudPath, uploadImport, type PickedFile } from './upload';

/** Where the import stands: nothing yet, a step under way (its words), or a preview (being confirmed, or done). */
type Stage = { at: 'idle' } | { at: 'busy'; text: string } | { at: 'preview'; plan: PlanView; applying: boolean };

const MAX_MB = Math.round(IMPORT.maxBytes / 1024 / 1024);

/** Commit calls at most (each writes IMPORT.rowsPerCall rows: far beyond IMPORT.maxRows). */
const MAX_COMMITS = 50;

/**
 * Excel 导入导出: the office's own files for sections, the roster, the enterprise directory and the key projects. A kind's
 * template or the directory as it is; pick a file (checked on the device, uploaded to the admin's own folder),
 * see what it would change and every row's problems; confirm, and it is written in as many calls as it takes.
 */
export default function Imports() {
  const [kind, setKind] = useState<ImportKind>('people');
  const [stage, setStage] = useState<Stage>({ at: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [fetching, setFetching] = useState<'template' | 'export' | null>(null);
  const me = usePageData('members', 'me', {});
  const busy = stage.at === 'busy' || (stage.at === 'preview' && stage.applying);

  const pickKind = (k: ImportKind) => {
    if (busy) return;
    setKind(k);
    setStage({ at: 'idle' });
    setError(null);
  };

  const download = async (what: 'template' | 'export') => {
    if (fetching) return;
    setFetching(what);
    setError(null);
    const r = await call('imports', what, { kind });
    setFetching(null);
    if (r.code !== 0) {
      setError(r.message);
      return;
    }
    try {
      await openExport(r.data.url, r.data.fileName);
    } catch {
      setError('文件未能打开，请稍后重试');
    }
  };

  /** A file picked: checked here, uploaded, then previewed (nothing is written yet). */
  const take = async (f: PickedFile) => {
    if (busy) return;
    const problem = fileProblem(f);
    if (problem) {
      setStage({ at: 'idle' });
      setError(problem);
      return;
    }
    setError(null);
    setStage({ at: 'busy', text: `正在上传“${f.name}”…` });
    const who = me.data ?? (await call('members', 'me', {}).then((r) => (r.code === 0 ? r.data : null)));
    if (!who) {
      setStage({ at: 'idle' });
      setError('未能确认您的身份，请稍后重试');
      return;
    }
    const up = await uploadImport(f, importCloudPath(who.memberId));
    if (up.code !== 0) {
      setStage({ at: 'idle' });
      setError(up.message);
      return;
    }
    setStage({ at: 'busy', text: '正在读取文件，核对每一行…' });
    const r = await call('imports', 'preview', { kind, fileId: up.data.fileID });
    if (r.code !== 0) {
      setStage({ at: 'idle' });
      setError(r.message);
      return;
    }
    setStage({ at: 'preview', plan: r.data, applying: false });
  };

  const chooseOnPhone = async () => {
    if (busy) return;
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const f = res.tempFiles[0];
      if (f) await take({ name: f.name, size: f.size, path: f.path });
    } catch (e) {
      // closing the chat picker is no error
      const msg = e && typeof e === 'object' && 'errMsg' in e ? String(e.errMsg) : '';
      if (!/cancel/i.test(msg)) setError('未能选择文件：请从微信聊天中选择 Excel 文件');
    }
  };

  /** 确认导入: commit until done, each call going on where the last stopped. */
  const confirm = async (plan: PlanView) => {
    if (busy) return;
    setError(null);
    let p = plan;
    setStage({ at: 'preview', plan: p, applying: true });
    for (let i = 0; i < MAX_COMMITS && p.status !== 'done'; i += 1) {
      const r = await call('imports', 'commit', { planId: p.planId }, { attempts: CALL_RETRY.patientAttempts });
      if (r.code !== 0) {
        setStage({ at: 'preview', plan: p, applying: false });
        setError(r.message);
        return;
      }
      p = r.data;
      setStage({ at: 'preview', plan: p, applying: p.status !== 'done' });
    }
    if (p.status === 'done') void Taro.showToast({ title: '导入完成', icon: 'success' });
  };

  const columns = TEMPLATES[kind].columns;
  return (
    <View className='page' id='imports-page'>
      <PrivacySheet />
      <View className='page-hd'>
        <View className='page-title'>Excel 导入导出</View>
        <View className='page-desc'>先下载模板或导出现有名录，在 Excel 中填写后导入。导入前会逐行核对，确认后才写入。</View>
      </View>
      <View className='cells-title'>名录</View>
      <Segmented
        idPrefix='import-kind'
        options={IMPORT_KINDS.map((k) => ({ key: k, label: IMPORT_KIND_SHORT[k] }))}
        value={kind}
        onChange={pickKind}
      />
      <View className='btn-area btn-area-tight row-actions'>
        <Button id='import-template' className='btn btn-default btn-row grow' disabled={fetching !== null} onClick={() => void download('template')}>
          {fetching === 'template' ? '正在生成…' : '下载模板'}
        </Button>
        <Button id='import-export' className='btn btn-default btn-row grow' disabled={fetching !== null} onClick={() => void download('export')}>
          {fetching === 'export' ? '正在导出…' : '导出当前名录'}
        </Button>
      </View>
      <View className='tips' id='import-columns'>
        {IMPORT_KIND_LABELS[kind]}的列：{columns.map((c) => `${c.header}${c.required ? '（必填）' : ''}`).join('、')}。第一行为列名，文件不超过
        {MAX_MB}MB。
      </View>

      <View className='cells-title'>导入{IMPORT_KIND_LABELS[kind]}</View>
      <View className='btn-area btn-area-tight'>
        {process.env.TARO_ENV === 'h5' ? (
          <View className='file-pick' id='import-pick'>
            <Button className='btn btn-primary' disabled={busy}>
              选择 Excel 文件
            </Button>
            {!busy && (
              <H5FileInput
                hostId='import-pick'
                inputId='import-file'
                accept='.xlsx'
                onFile={(file) => void take({ name: file.name, size: file.size, blob: file })}
              />
            )}
          </View>
        ) : (
          <Button id='import-choose' className='btn btn-primary' disabled={busy} onClick={() => void chooseOnPhone()}>
            从微信聊天选择 Excel 文件
          </Button>
        )}
      </View>
      {stage.at === 'busy' && (
        <View className='loading' id='import-status'>
          {stage.text}
        </View>
      )}
      {error && (
        <View className='error-box' id='import-error'>
          {error}
        </View>
      )}
      {stage.at === 'preview' && <Preview plan={stage.plan} applying={stage.applying} onConfirm={() => void confirm(stage.plan)} />}
      <BackLink id='imports-back' label='返回园区名录' url={PAGES.park.directory} />
    </View>
  );
}
