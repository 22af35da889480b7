import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { answerPrivacy, onPrivacyQuestion } from './privacy';

const AGREE_ID = 'privacy-agree';

/**
 * WeChat's privacy question, answered in the page that asked it (weapp only: the H5 build has no such rule): the
 * guide's link, 拒绝, and 同意 — a button of open-type agreePrivacyAuthorization, which is what lets the pending call
 * go on. Put it on every page that calls a privacy API (common/privacy.ts).
 */
export function PrivacySheet() {
  const [asking, setAsking] = useState(false);
  useEffect(() => onPrivacyQuestion(setAsking), []);
  if (process.env.TARO_ENV !== 'weapp' || !asking) return null;
  return (
    <View className='privacy-mask'>
      <View className='privacy-sheet' id='privacy-sheet'>
        <View className='privacy-title'>用户隐私保护提示</View>
        <View className='privacy-text'>
          此功能需要使用您选择的照片、文件或剪切板。使用前请阅读
          <View className='link' id='privacy-contract' onClick={() => void Taro.openPrivacyContract({})}>
            《标尺用户隐私保护指引》
          </View>
          拒绝只影响这一项操作，其他功能照常使用。
        </View>
        <View className='btn-area row-actions'>
          <Button className='btn btn-default btn-row grow' id='privacy-disagree' onClick={() => answerPrivacy('disagree')}>
            拒绝
          </Button>
          <Button
            className='btn btn-primary btn-row grow'
            id={AGREE_ID}
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy('agree', AGREE_ID)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
